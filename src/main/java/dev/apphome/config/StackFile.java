package dev.apphome.config;

import com.google.gson.GsonBuilder;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.AnchorNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a stack file the way the Pulumi CLI hands it to a program: every {@code config} key with
 * its value as a string (objects and lists as JSON, numbers and booleans as text) and the set of
 * secure keys, whose ciphertext is never kept. Used offline, where no CLI is there to do it.
 *
 * <p>The file is read as the CLI reads it, as YAML 1.2 (core schema): {@code yes} and {@code on}
 * are strings, dates stay the text they were written as, {@code .inf} and {@code .nan} are numbers
 * JSON cannot carry. A file that is too large, not UTF-8 text, or whose aliases expand beyond a
 * stack file's size is refused before anything is built from it.
 */
public final class StackFile {

    static final List<String> TOP_LEVEL_KEYS = List.of("config", "encryptionsalt", "secretsprovider", "encryptedkey",
            "environment");
    /** A stack file is a few kilobytes; anything this large is not one (or is /dev/zero). */
    static final int MAX_BYTES = 1 << 20;
    /** Values an expanded document may hold: aliases may repeat a value, but not into gigabytes. */
    static final long MAX_EXPANDED_NODES = 100_000;
    static final long MAX_EXPANDED_CHARACTERS = 4L << 20;
    /** Stands for a secret nobody can read offline. */
    public static final String PLACEHOLDER_SECRET = "offline-placeholder-not-a-real-secret";

    private StackFile() {
    }

    /** Loads {@code path}; throws {@link InvalidSettingsException} naming every problem with the file itself. */
    public static ConfigSource load(Path path) {
        String file = path.getFileName().toString();
        Problems problems = new Problems(file);
        String text = text(path, problems);
        Node document = compose(text, file, problems);
        checkExpandedSize(document, problems);
        Object top = toJava(document, "", problems);
        problems.throwIfAny();
        if (top == null) {
            top = Map.of();
        }
        if (!(top instanceof Map<?, ?> map)) {
            problems.add("(file)", "must be a YAML mapping with a config: section");
            throw new InvalidSettingsException(problems.all());
        }
        return config(file, map, problems);
    }

    /** The file's text: at most {@link #MAX_BYTES}, UTF-8, no control characters. */
    private static String text(Path path, Problems problems) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            problems.add("(file)", "does not exist at " + path.toAbsolutePath()
                    + "; allowed: a stack name with a Pulumi.<name>.yaml next to Pulumi.yaml, or a path to a stack file");
            throw new InvalidSettingsException(problems.all());
        } catch (IOException e) {
            problems.add("(file)", "cannot be read (" + (Files.isDirectory(path) ? "it is a directory"
                    : e.getClass().getSimpleName() + ": " + e.getMessage()) + "); allowed: a stack file such as Pulumi.dev.yaml");
            throw new InvalidSettingsException(problems.all());
        }
        if (bytes.length > MAX_BYTES) {
            problems.add("(file)", "is larger than " + (MAX_BYTES >> 20) + " MiB, which no stack file is; allowed: a YAML "
                    + "stack file such as Pulumi.dev.yaml");
            throw new InvalidSettingsException(problems.all());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            problems.add("line " + lineAt(bytes, in.position()), "is not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xff) + " at offset " + in.position() + "); allowed: a "
                    + "stack file saved as UTF-8 text");
            throw new InvalidSettingsException(problems.all());
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (int i = 0, line = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
                problems.add("line " + line, "holds the control character U+" + String.format("%04X", (int) c)
                        + ", so this is not a text file; allowed: a YAML stack file saved as UTF-8 text");
                throw new InvalidSettingsException(problems.all());
            }
        }
        return text;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Node compose(String text, String file, Problems problems) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // found below, with the key's line and column
                .setMaxAliasesForCollections(Integer.MAX_VALUE) // the expanded size is what is bounded
                .setCodePointLimit(MAX_BYTES)
                .build();
        try {
            return new Compose(settings).composeString(text).orElse(null);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark();
            problems.add(mark.map(StackFile::position).orElse("(file)"), "is not valid YAML: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
        } catch (YamlEngineException e) {
            problems.add("(file)", "is not valid YAML: " + e.getMessage());
        }
        throw new InvalidSettingsException(problems.all());
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /**
     * Refuses a document whose aliases expand it beyond what a stack file holds (a few hundred bytes
     * of nested aliases can stand for gigabytes), or that refers to itself. Sizes of shared nodes
     * are counted once per use without expanding them, so this takes time and memory in proportion
     * to the file, not to its expansion.
     */
    private static void checkExpandedSize(Node document, Problems problems) {
        if (document == null) {
            return;
        }
        long[] size = expanded(document, new IdentityHashMap<>(), new IdentityHashMap<>());
        if (size == null) {
            problems.add("(file)", "holds an alias that refers to a value containing itself; allowed: aliases of "
                    + "complete values");
        } else if (size[0] > MAX_EXPANDED_NODES || size[1] > MAX_EXPANDED_CHARACTERS) {
            problems.add("(file)", "expands, through its aliases, to more than " + MAX_EXPANDED_NODES + " values or "
                    + (MAX_EXPANDED_CHARACTERS >> 20) + " MiB of text, which no stack file needs; allowed: aliases that "
                    + "repeat a value a few times");
        }
        problems.throwIfAny();
    }

    /** {values, characters} of a node once expanded, capped; null when it contains itself. */
    private static long[] expanded(Node node, Map<Node, long[]> done, Map<Node, Boolean> visiting) {
        Node real = node instanceof AnchorNode a ? a.getRealNode() : node;
        long[] known = done.get(real);
        if (known != null) {
            return known;
        }
        if (visiting.containsKey(real)) {
            return null;
        }
        visiting.put(real, true);
        long values = 1;
        long characters = 0;
        List<Node> children = new ArrayList<>();
        if (real instanceof ScalarNode s) {
            characters = s.getValue().length();
        } else if (real instanceof SequenceNode seq) {
            children.addAll(seq.getValue());
        } else if (real instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                children.add(t.getKeyNode());
                children.add(t.getValueNode());
            }
        }
        for (Node child : children) {
            long[] size = expanded(child, done, visiting);
            if (size == null) {
                return null;
            }
            values = Math.min(Long.MAX_VALUE / 4, values + size[0]);
            characters = Math.min(Long.MAX_VALUE / 4, characters + size[1]);
        }
        visiting.remove(real);
        long[] size = {values, characters};
        done.put(real, size);
        return size;
    }

    /** A node as plain Java, resolved with YAML 1.2's core schema as the Pulumi CLI resolves it. */
    private static Object toJava(Node node, String path, Problems problems) {
        if (node == null) {
            return null;
        }
        if (node instanceof AnchorNode a) {
            return toJava(a.getRealNode(), path, problems);
        }
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (Node item : seq.getValue()) {
                list.add(toJava(item, path + "[" + list.size() + "]", problems));
            }
            return list;
        }
        MappingNode mapping = (MappingNode) node;
        Map<Object, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode() instanceof AnchorNode a ? a.getRealNode() : tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                problems.add(keyNode.getStartMark().map(StackFile::position).orElse(path), "is not valid here: a key must "
                        + "be a plain value, not a list or an object");
                continue;
            }
            String key = keyScalar.getValue();
            if (key.equals("<<") && keyScalar.isPlain()) {
                merge(toJava(tuple.getValueNode(), path, problems), map);
                continue;
            }
            if (map.containsKey(key)) {
                problems.add(keyNode.getStartMark().map(StackFile::position).orElse(path), "is not valid YAML: found "
                        + "duplicate key " + key + " (while constructing a mapping)");
                continue;
            }
            map.put(key, toJava(tuple.getValueNode(), path.isEmpty() ? key : path + "." + key, problems));
        }
        return map;
    }

    /** {@code <<: *defaults}: the merged mapping's keys, unless the mapping sets them itself. */
    private static void merge(Object merged, Map<Object, Object> into) {
        List<Object> sources = merged instanceof List<?> list ? new ArrayList<>(list) : List.of(merged);
        for (Object source : sources) {
            if (source instanceof Map<?, ?> m) {
                m.forEach(into::putIfAbsent);
            }
        }
    }

    private static Object scalar(ScalarNode s) {
        String value = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
        }
        if (tag.equals(Tag.INT)) {
            String digits = value.replace("_", "");
            BigInteger number = digits.startsWith("0o") ? new BigInteger(digits.substring(2), 8)
                    : digits.startsWith("0x") ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
            return number.bitLength() < 63 ? (Object) number.longValue() : number.doubleValue();
        }
        if (tag.equals(Tag.FLOAT)) {
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".inf")) {
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (lower.equals(".nan")) {
                return Double.NaN;
            }
            double d = Double.parseDouble(value);
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        return value;
    }

    private static ConfigSource config(String file, Map<?, ?> top, Problems problems) {
        Object config = top.get("config");
        List<String> namespaced = top.keySet().stream().map(String::valueOf).filter(k -> k.contains(":")).toList();
        if (config == null && !namespaced.isEmpty()) {
            problems.add("(file)", "has no config: line: its keys " + String.join(", ", namespaced.subList(0,
                    Math.min(3, namespaced.size()))) + (namespaced.size() > 3 ? ", …" : "") + " stand at the top level; "
                    + "allowed: a line config: with every key indented under it");
            throw new InvalidSettingsException(problems.all());
        }
        for (Object key : top.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(String.valueOf(key))) {
                problems.add(String.valueOf(key), "unknown top-level key" + Words.nonAscii(String.valueOf(key))
                        + Words.suggestion(String.valueOf(key), TOP_LEVEL_KEYS) + "; allowed: "
                        + String.join(", ", TOP_LEVEL_KEYS));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secretKeys = new LinkedHashSet<>();
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
                if (isSecure(v)) {
                    secretKeys.add(key);
                    values.put(key, PLACEHOLDER_SECRET);
                } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
                    if (containsSecure(v)) {
                        // The CLI decrypts secure leaves and marks the whole key secret.
                        secretKeys.add(key);
                        values.put(key, PLACEHOLDER_SECRET);
                    } else if (checkFinite(key, v, problems)) {
                        values.put(key, gson.toJson(v));
                    }
                } else if (v instanceof Double d && (d.isInfinite() || d.isNaN())) {
                    checkFinite(key, v, problems);
                } else {
                    values.put(key, v == null ? "" : String.valueOf(v));
                }
            });
        }
        problems.throwIfAny();
        return new ConfigSource(file, values, secretKeys);
    }

    private static boolean isSecure(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("secure");
    }

    private static boolean containsSecure(Object value) {
        if (isSecure(value)) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(StackFile::containsSecure);
        }
        return value instanceof List<?> list && list.stream().anyMatch(StackFile::containsSecure);
    }

    /** JSON, in which the CLI passes values on, has no infinity or NaN. */
    private static boolean checkFinite(String path, Object value, Problems problems) {
        if (value instanceof Double d && (d.isInfinite() || d.isNaN())) {
            problems.add(path, "found " + (d.isNaN() ? ".nan" : d > 0 ? ".inf" : "-.inf") + ", a number the Pulumi CLI "
                    + "cannot pass to a program (JSON has no infinity or NaN); allowed: a finite number");
            return false;
        }
        boolean ok = true;
        if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                ok &= checkFinite(path + "." + e.getKey(), e.getValue(), problems);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                ok &= checkFinite(path + "[" + i + "]", list.get(i), problems);
            }
        }
        return ok;
    }

    /** Any small YAML file read as the Pulumi CLI reads YAML (YAML 1.2 core schema), e.g. a Pulumi.yaml. */
    public static Object yaml(Path file) throws IOException {
        Problems problems = new Problems(file.getFileName().toString());
        Object document = toJava(compose(Files.readString(file), file.getFileName().toString(), problems), "", problems);
        problems.throwIfAny();
        return document;
    }

    /**
     * The project file a stack file belongs to: the Pulumi.yaml beside it, or, for a stack file kept
     * elsewhere (an example under {@code examples/}), the Pulumi.yaml of the directory the command
     * runs in, as the Pulumi CLI takes the project from there once the file is copied to it.
     */
    public static Path projectFile(Path stackFile) {
        Path beside = stackFile.toAbsolutePath().normalize().getParent().resolve("Pulumi.yaml");
        return Files.exists(beside) ? beside : Path.of("").toAbsolutePath().resolve("Pulumi.yaml");
    }

    /** The project name from {@link #projectFile}. */
    public static String projectName(Path stackFile) {
        Path project = projectFile(stackFile);
        Path here = Path.of("").toAbsolutePath();
        Problems problems = new Problems(stackFile.getFileName().toString());
        try {
            Object document = toJava(compose(Files.readString(project), "Pulumi.yaml", problems), "", problems);
            if (document instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                return name;
            }
            problems.add("(project)", project + " has no name: line; allowed: a Pulumi.yaml with name: <project>");
        } catch (IOException e) {
            problems.add("(project)", "no Pulumi.yaml beside the stack file or in " + here
                    + "; allowed: a stack file of a Pulumi project (run from the project's directory)");
        }
        throw new InvalidSettingsException(problems.all());
    }
}
