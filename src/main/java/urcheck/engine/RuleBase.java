package urcheck.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import urcheck.catalogue.Citation;
import urcheck.catalogue.CriteriaCatalogue;
import urcheck.catalogue.CriterionEntry;
import urcheck.catalogue.GuidelineNumbers;
import urcheck.catalogue.NumbersInForce;
import urcheck.catalogue.SectionEntry;
import urcheck.casefile.DiagnosisCodes;
import urcheck.casefile.ProcedureCodes;

/**
 * The compiled knowledge base: the DRL rules, the criteria catalogue and the guideline numbers.
 * Built once per process; every case gets its own session from it. The built-in rules come
 * precompiled (the Drools executable model the build makes from rules/); a rules/ folder given by a
 * rule author is compiled from DRL at load time. Either way loading fails loudly on a compile error,
 * an empty rule base, or a criterion rule the catalogue does not know or cites incompletely.
 */
public final class RuleBase {

    /** The order in which rule groups run: see rules/README.md. */
    public static final List<String> PHASES = List.of("classification", "criteria", "determination",
            "associated-services", "workflow");

    /** Sessions kept ready; the pool grows past this when more cases run at once. */
    private static final int SESSION_POOL_SIZE = 4;

    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final CriteriaCatalogue catalogue;
    private final GuidelineNumbers numbers;
    private final Map<String, List<Rule>> rulesByCriterion;
    private final String origin;
    private final ProcedureCodes codes;
    private final DiagnosisCodes diagnosisCodes;
    private final KnowledgeVersion knowledgeVersion;
    /** Per ODG edition, built once: every case of an edition reads the same numbers. */
    private final Map<String, NumbersInForce> numbersInForce = new HashMap<>();
    private final String alphaNetwork;

    /** {@link #alphaNetwork()} of a rule base whose constraint tests Drools interprets (no compiled alpha network). */
    public static final String INTERPRETED = "interpreted";

    private RuleBase(KieBase kieBase, CriteriaCatalogue catalogue, GuidelineNumbers numbers, ProcedureCodes codes,
                     DiagnosisCodes diagnosisCodes, Map<String, List<Rule>> rulesByCriterion, String origin,
                     KnowledgeVersion knowledgeVersion, String alphaNetwork) {
        this.alphaNetwork = alphaNetwork;
        this.codes = codes;
        this.diagnosisCodes = diagnosisCodes;
        this.knowledgeVersion = knowledgeVersion;
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(SESSION_POOL_SIZE);
        this.catalogue = catalogue;
        this.numbers = numbers;
        for (String edition : numbers.editions().keySet()) {
            numbersInForce.put(edition, numbers.inForce(edition));
        }
        this.rulesByCriterion = rulesByCriterion;
        this.origin = origin;
    }

    /** Compiles the DRL in {@code files} now (rule authors' --rules; about 1.5 s plus 15 ms a rule). */
    public static RuleBase load(RuleFiles files) {
        return assemble(files, compile(files), "DRL compiled at load time", INTERPRETED);
    }

    /**
     * The built-in rules as the build precompiled them (executable model): no DRL is compiled here.
     * The catalogue and guideline numbers come from the jar's copy of rules/, as for {@link #load}.
     */
    public static RuleBase precompiled() {
        return precompiled(RuleFiles.fromClasspath());
    }

    /**
     * The built-in rules, built for {@code throughput}: {@link Throughput#BATCH} also compiles the alpha network
     * into Java (more start-up time, less rule time per case); {@link Throughput#ONE_CASE} is {@link #precompiled()}.
     * Both answer every case alike.
     */
    public static RuleBase precompiled(Throughput throughput) {
        return precompiled(RuleFiles.fromClasspath(), throughput);
    }

    /** The precompiled rules with the catalogue and numbers of {@code files} (tests break the latter). */
    static RuleBase precompiled(RuleFiles files) {
        return precompiled(files, Throughput.ONE_CASE);
    }

    static RuleBase precompiled(RuleFiles files, Throughput throughput) {
        return throughput == Throughput.BATCH ? withCompiledAlphaNetwork(files, CompiledAlphaNetwork.listing())
                : assemble(files, ExecutableModel.load(files.origin()), "precompiled executable model", INTERPRETED);
    }

    /**
     * @param builtAlphaNetwork the classes the build compiled, by name, with the hash of their source; the
     *     alpha network is compiled now where they do not fit (tests pass none)
     */
    static RuleBase withCompiledAlphaNetwork(RuleFiles files, Map<String, String> builtAlphaNetwork) {
        KieBase base = ExecutableModel.load(files.origin());
        CompiledAlphaNetwork.Source how = CompiledAlphaNetwork.compileInto(base, files.origin(), builtAlphaNetwork);
        return assemble(files, base, "precompiled executable model",
                how == CompiledAlphaNetwork.Source.BUILT ? "compiled by the build" : "compiled at load time");
    }

    private static RuleBase assemble(RuleFiles files, KieBase kieBase, String form, String alphaNetwork) {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        String numbersText = files.files().get("guideline-numbers.json");
        if (numbersText == null) {
            throw new RuleBaseException(files.origin() + ": guideline-numbers.json is missing");
        }
        GuidelineNumbers numbers;
        ProcedureCodes codes;
        DiagnosisCodes diagnosisCodes;
        List<SectionEntry> sections = new ArrayList<>();
        try {
            numbers = json.readValue(numbersText, GuidelineNumbers.class);
            String codesText = files.files().get("procedure-codes.json");
            codes = codesText == null ? ProcedureCodes.NONE : json.readValue(codesText, ProcedureCodes.class);
            String icdText = files.files().get("diagnosis-codes.json");
            diagnosisCodes = icdText == null ? DiagnosisCodes.NONE : json.readValue(icdText, DiagnosisCodes.class);
            for (Map.Entry<String, String> f : files.files().entrySet()) {
                if (f.getKey().startsWith("catalogue/") && f.getKey().endsWith(".json")) {
                    SectionEntry s = json.readValue(f.getValue(), SectionEntry.class);
                    String expected = f.getKey().substring("catalogue/".length(), f.getKey().length() - 5);
                    if (!expected.equals(s.id())) {
                        throw new RuleBaseException(files.origin() + ": " + f.getKey() + " has id " + s.id()
                                + "; expected " + expected + " (the section id is the file name)");
                    }
                    for (CriterionEntry c : s.criteria()) {
                        if (!s.id().equals(c.section())) {
                            throw new RuleBaseException(files.origin() + ": " + f.getKey() + ": criterion "
                                    + c.id() + " names section " + c.section() + "; expected " + s.id());
                        }
                        if (!CriterionEntry.KINDS.contains(c.kind())) {
                            throw new RuleBaseException(files.origin() + ": " + f.getKey() + ": criterion "
                                    + c.id() + " has kind " + c.kind() + "; expected one of " + CriterionEntry.KINDS);
                        }
                    }
                    sections.add(s);
                }
            }
        } catch (IOException e) {
            throw new RuleBaseException(files.origin() + ": " + e.getMessage(), e);
        }
        if (!numbers.knows(numbers.defaultEdition())) {
            throw new RuleBaseException(files.origin() + ": guideline-numbers.json: default edition "
                    + numbers.defaultEdition() + " is not among its editions");
        }
        CriteriaCatalogue catalogue = new CriteriaCatalogue(sections);
        requireRules(kieBase, files.origin());
        return new RuleBase(kieBase, catalogue, numbers, codes, diagnosisCodes, checkCriterionRules(kieBase, catalogue, files.origin()),
                files.origin() + " (" + form + ")", KnowledgeVersion.of(releaseVersion(), files.files()), alphaNetwork);
    }

    private static KieBase compile(RuleFiles files) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        int drlFiles = 0;
        for (Map.Entry<String, String> f : files.files().entrySet()) {
            if (f.getKey().endsWith(".drl")) {
                // Bound to one case as the build binds the built-in rules (CaseKeys), so batches may share a session.
                String keyed;
                try {
                    keyed = CaseKeys.rewrite(f.getValue());
                } catch (IllegalArgumentException e) {
                    throw new RuleBaseException(files.origin() + ": " + f.getKey() + ": " + e.getMessage(), e);
                }
                kfs.write("src/main/resources/urcheck/rules/" + f.getKey(), keyed);
                drlFiles++;
            }
        }
        if (drlFiles == 0) {
            throw new RuleBaseException(files.origin() + ": no .drl files: the rule base would be empty");
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            StringBuilder s = new StringBuilder(files.origin() + ": the rules do not compile:");
            for (Message m : errors) {
                s.append("\n  ").append(m.getPath() == null ? "" : m.getPath().replace("src/main/resources/urcheck/rules/", "") + ":")
                        .append(m.getLine() > 0 ? m.getLine() + ": " : " ").append(m.getText());
            }
            throw new RuleBaseException(s.toString());
        }
        KieContainer container = ks.newKieContainer(builder.getKieModule().getReleaseId());
        org.kie.api.KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        for (org.kie.api.conf.KieBaseOption o : NetworkOptions.ALL) {
            conf.setOption(o);
        }
        return container.newKieBase(conf);
    }

    static void requireRules(KieBase base, String origin) {
        long count = base.getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
        if (count == 0) {
            throw new RuleBaseException(origin + ": the rule base compiled to zero rules");
        }
    }

    private static Map<String, List<Rule>> checkCriterionRules(KieBase base, CriteriaCatalogue catalogue, String origin) {
        Map<String, List<Rule>> byCriterion = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                names.add(r.getName());
                Object id = r.getMetaData().get("criterion");
                if (id == null) {
                    continue;
                }
                if (catalogue.criterion(id.toString()) == null) {
                    throw new RuleBaseException(origin + ": rule \"" + r.getName() + "\" names criterion " + id
                            + ", which no catalogue/*.json lists");
                }
                if (!Citation.of(r).complete()) {
                    throw new RuleBaseException(origin + ": rule \"" + r.getName()
                            + "\" lacks one of @guideline @chapter @section @locator @edition");
                }
                byCriterion.computeIfAbsent(id.toString(), k -> new ArrayList<>()).add(r);
            }
        }
        byCriterion.values().forEach(l -> l.sort(java.util.Comparator.comparing(Rule::getName)));
        return byCriterion;
    }

    /**
     * A clean session for one case. Sessions come from a pool: building a session's node memories costs more
     * than matching a case, and {@code dispose()} resets the session (facts, globals, listeners, agenda) and
     * hands it back.
     */
    public KieSession newSession() {
        return sessions.newKieSession();
    }

    /**
     * A stateless session: one call runs a batch of commands on a session it makes and drops (the JMH benchmark
     * of the rule session compares it with the pooled and fresh sessions CaseChecker uses).
     */
    public StatelessKieSession newStatelessSession() {
        return kieBase.newStatelessKieSession();
    }

    /** Sessions that are reset and reused rather than built anew for every case. */
    public KieSessionsPool newSessionsPool(int initialSize) {
        return kieBase.newKieSessionsPool(initialSize);
    }

    public CriteriaCatalogue catalogue() {
        return catalogue;
    }

    public GuidelineNumbers numbers() {
        return numbers;
    }

    /** The numbers in force for a known edition (the rules' global {@code numbers}). */
    public NumbersInForce numbersInForce(String edition) {
        NumbersInForce n = numbersInForce.get(edition);
        if (n == null) {
            throw new IllegalArgumentException("unknown ODG edition " + edition);
        }
        return n;
    }

    public DiagnosisCodes diagnosisCodes() {
        return diagnosisCodes;
    }

    public ProcedureCodes codes() {
        return codes;
    }

    public String origin() {
        return origin;
    }

    /**
     * How the constraint tests run: {@link #INTERPRETED}, or as Java "compiled by the build" or "compiled at load
     * time" ({@link Throughput#BATCH}). Not part of {@link #origin()}, which answers name: the rules are the same.
     */
    public String alphaNetwork() {
        return alphaNetwork;
    }

    /**
     * The one place that says which knowledge base this is (version and content hash of rules/): every answer
     * (command line, HTTP, CDS cards, coverage-assertion-id) and every audit record names it from here.
     */
    public KnowledgeVersion knowledgeVersion() {
        return knowledgeVersion;
    }

    /** The version the build stamped into the jar ("dev" when run from classes without the filtered resource). */
    public static String releaseVersion() {
        try (java.io.InputStream in = RuleBase.class.getResourceAsStream("/urcheck/version.txt")) {
            return in == null ? "dev" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "dev";
        }
    }

    /** The rules that state results for a criterion (one per outcome), sorted by name. */
    public List<Rule> rulesFor(String criterionId) {
        return rulesByCriterion.getOrDefault(criterionId, List.of());
    }

    /** The citation of a criterion, from the metadata of its first rule. */
    public Citation citation(String criterionId) {
        List<Rule> rules = rulesFor(criterionId);
        return rules.isEmpty() ? null : Citation.of(rules.get(0));
    }

    /** The Drools rule base itself, for the engine's tests (which alpha network it runs on). */
    KieBase kieBase() {
        return kieBase;
    }

    public int ruleCount() {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }
}
