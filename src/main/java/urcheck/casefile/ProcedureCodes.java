package urcheck.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CPT/HCPCS codes an item may name (rules/procedure-codes.json): what service each stands for and
 * in which regions. Coding knowledge, kept beside the rules so a coder can maintain it.
 */
public record ProcedureCodes(String description, List<Code> codes) {

    /** One code: the services it is compatible with (the first is its meaning alone) and its regions. */
    public record Code(String code, List<String> services, List<String> regions, String description) {
    }

    public static final ProcedureCodes NONE = new ProcedureCodes("", List.of());

    public Map<String, Code> byCode() {
        return codes.stream().collect(Collectors.toMap(Code::code, Function.identity()));
    }
}
