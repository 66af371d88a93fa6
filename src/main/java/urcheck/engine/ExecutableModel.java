package urcheck.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The rules as the build precompiled them: kie-maven-plugin turns a staging copy of rules/ into Java
 * classes (the Drools executable model) and lists them in a {@code drools-model} resource. Building a
 * rule base from those classes skips the DRL parser and compiler, the bulk of start-up time.
 */
final class ExecutableModel {

    /** Names the drools-model resource; filtered by Maven with the project's group and artifact ids. */
    private static final String POINTER = "/urcheck/rules-model.txt";

    private ExecutableModel() {
    }

    static KieBase load(String origin) {
        String resource = text(POINTER);
        String listing = resource == null ? null : text("/" + resource.trim());
        if (listing == null) {
            throw new RuleBaseException(origin + ": the precompiled rules are missing from this build (no "
                    + (resource == null ? POINTER : resource.trim()) + "); build with mvn package, or load the DRL with --rules rules");
        }
        List<Model> models = new ArrayList<>();
        for (String line : listing.split("\\R")) {
            String name = line.trim();
            if (name.isEmpty() || name.startsWith("Drools-Model-Version:")) {
                continue;
            }
            try {
                models.add((Model) Class.forName(name, true, ExecutableModel.class.getClassLoader())
                        .getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                throw new RuleBaseException(origin + ": precompiled rule model " + name + " does not load: " + e, e);
            }
        }
        if (models.isEmpty()) {
            throw new RuleBaseException(origin + ": the precompiled rules list no model: the rule base would be empty");
        }
        return KieBaseBuilder.createKieBaseFromModel(models, NetworkOptions.ALL);
    }

    private static String text(String resource) {
        try (InputStream in = ExecutableModel.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleBaseException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
