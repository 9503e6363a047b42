package dev.apphome.plan;

import com.google.gson.GsonBuilder;
import dev.apphome.config.ConfigSource;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.config.ObjectReader;
import dev.apphome.config.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a stack file the way the Pulumi CLI hands it to a program: every {@code config} key with
 * its value as a string (objects and lists as JSON, numbers and booleans as text) and the set of
 * secure keys, whose ciphertext is never kept. Used offline, where no CLI is there to do it.
 */
public final class StackFile {

    static final List<String> TOP_LEVEL_KEYS = List.of("config", "encryptionsalt", "secretsprovider", "encryptedkey",
            "environment");

    private StackFile() {
    }

    /** Loads {@code path}; throws {@link InvalidSettingsException} naming every problem with the file itself. */
    public static ConfigSource load(Path path) {
        String file = path.getFileName().toString();
        Problems problems = new Problems(file);
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            problems.add("(file)", "does not exist at " + path.toAbsolutePath()
                    + "; allowed: a stack name with a Pulumi.<name>.yaml next to Pulumi.yaml, or a path to a stack file");
            throw new InvalidSettingsException(problems.all());
        } catch (IOException e) {
            problems.add("(file)", "cannot be read: " + e.getMessage());
            throw new InvalidSettingsException(problems.all());
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            problems.add("line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1),
                    "is not valid YAML: " + e.getProblem() + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
            throw new InvalidSettingsException(problems.all());
        } catch (YAMLException e) {
            problems.add("(file)", "is not valid YAML: " + e.getMessage());
            throw new InvalidSettingsException(problems.all());
        }
        if (document == null) {
            document = Map.of();
        }
        if (!(document instanceof Map<?, ?> top)) {
            problems.add("(file)", "must be a YAML mapping with a config: section");
            throw new InvalidSettingsException(problems.all());
        }
        for (Object key : top.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(String.valueOf(key))) {
                problems.add(String.valueOf(key), "unknown top-level key" + ObjectReader.suggestion(String.valueOf(key),
                        TOP_LEVEL_KEYS) + "; allowed: " + String.join(", ", TOP_LEVEL_KEYS));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secretKeys = new LinkedHashSet<>();
        Object config = top.get("config");
        if (config != null && !(config instanceof Map<?, ?>)) {
            problems.add("config", "must be a mapping of namespace:key to values");
        } else if (config instanceof Map<?, ?> entries) {
            var gson = new GsonBuilder().disableHtmlEscaping().create();
            entries.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (!key.contains(":")) {
                    problems.add(key, "has no namespace; allowed: namespace:key such as apphome:" + key);
                    return;
                }
                if (v instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("secure")) {
                    secretKeys.add(key);
                    values.put(key, PlanMocks.PLACEHOLDER_SECRET);
                } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
                    values.put(key, gson.toJson(v));
                } else {
                    values.put(key, v == null ? "" : String.valueOf(v));
                }
            });
        }
        problems.throwIfAny();
        return new ConfigSource(file, values, secretKeys);
    }

    /** The project name from the Pulumi.yaml beside the stack file. */
    public static String projectName(Path stackFile) {
        Path project = stackFile.toAbsolutePath().getParent().resolve("Pulumi.yaml");
        try {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(project));
            if (document instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                return name;
            }
        } catch (IOException | YAMLException e) {
            throw new IllegalStateException("cannot read the project name from " + project + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException(project + " has no name:");
    }
}
