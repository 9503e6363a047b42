package dev.apphome.diff;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.apphome.diff.Change.Forcing;
import dev.apphome.diff.PreviewDocument.State;
import dev.apphome.diff.PreviewDocument.Step;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Classifies every resource of two plans, or of one real preview, as same, update, replace, delete
 * or create, and names what forces each replacement: an input the replace-forcing table marks, a
 * case the provider decides at plan time, or a new value taken from a resource that is itself
 * replaced. Between two plans the replacement of a resource is carried to the resources whose
 * inputs come from it, as the engine does when it finds their new value unknown; a real preview's
 * own operations are taken as the engine decided them.
 */
public final class Differ {

    /** How an unknown value reads in preview documents. */
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private final ForcingTable table;

    public Differ(ForcingTable table) {
        this.table = table;
    }

    /** What changes from the resources {@code before} plans to the ones {@code after} plans. */
    public List<Change> between(PreviewDocument before, PreviewDocument after) {
        Map<String, State> old = before.resulting();
        Map<String, State> now = after.resulting();
        // A resource whose new URN lists an old one as an alias is the same resource to the engine.
        Map<String, String> renamed = new LinkedHashMap<>();
        now.values().forEach(s -> s.aliases().stream().filter(a -> old.containsKey(a) && !now.containsKey(a))
                .findFirst().ifPresent(a -> renamed.put(a, s.urn())));
        Collection<State> every = union(old.values(), now.values());

        Map<String, Change> changes = new LinkedHashMap<>();
        for (State was : old.values()) {
            State is = now.get(renamed.getOrDefault(was.urn(), was.urn()));
            if (is == null) {
                changes.put(was.urn(), deletion(was, every));
            } else {
                changes.put(is.urn(), compare(was, is, every));
            }
        }
        for (State is : now.values()) {
            if (!changes.containsKey(is.urn())) {
                changes.put(is.urn(), new Change(is.urn(), is.type(), is.custom(), Verdict.CREATE, List.of(), List.of(),
                        null, false, null, is.custom() && !known(is.type())));
            }
        }
        cascade(changes, old, now, renamed, every);
        return withRenames(List.copyOf(changes.values()));
    }

    /** What a real preview says happens, resource by resource, with the inputs it names as forcing. */
    public List<Change> of(PreviewDocument preview) {
        Map<String, List<Step>> byUrn = new LinkedHashMap<>();
        preview.steps().forEach(s -> byUrn.computeIfAbsent(s.urn(), k -> new ArrayList<>()).add(s));
        Collection<State> every = union(preview.prior().values(), preview.resulting().values());
        List<Change> changes = new ArrayList<>();
        for (var e : byUrn.entrySet()) {
            List<Step> steps = e.getValue();
            Set<String> ops = steps.stream().map(Step::op).collect(Collectors.toSet());
            State was = steps.stream().map(Step::oldState).filter(s -> s != null).findFirst().orElse(null);
            State is = steps.stream().filter(s -> !PreviewDocument.REMOVING.contains(s.op())).map(Step::newState)
                    .filter(s -> s != null).findFirst().orElse(null);
            State any = is != null ? is : was;
            Verdict verdict = ops.stream().anyMatch(PreviewDocument.REPLACING::contains) ? Verdict.REPLACE
                    : ops.contains("delete") ? Verdict.DELETE
                    : ops.contains("create") || ops.contains("import") ? Verdict.CREATE
                    : ops.contains("update") ? Verdict.UPDATE : Verdict.SAME;
            Set<String> changed = new TreeSet<>();
            Set<String> forcingKeys = new LinkedHashSet<>();
            for (Step step : steps) {
                step.diffReasons().forEach(r -> changed.add(path(r)));
                step.detailedDiff().forEach((k, kind) -> {
                    changed.add(path(k));
                    if (kind.endsWith("-replace")) {
                        forcingKeys.add(path(k));
                    }
                });
                step.replaceReasons().forEach(r -> forcingKeys.add(path(r)));
            }
            if (changed.isEmpty() && was != null && is != null && verdict != Verdict.SAME) {
                changed.addAll(paths(was.inputs(), is.inputs(), ""));
            }
            List<Forcing> forcing = new ArrayList<>();
            Optional<ForcingTable.Facts> facts = table.facts(any.type());
            if (verdict == Verdict.REPLACE) {
                JsonObject before = was != null ? was.inputs() : new JsonObject();
                JsonObject after = is != null ? is.inputs() : new JsonObject();
                for (String key : forcingKeys) {
                    forcing.add(facts.flatMap(f -> forcing(f, key, before, after, null)).orElse(new Forcing(key,
                            show(valueAt(before, key)), show(valueAt(after, key)), "the engine names it as forcing the "
                            + "replacement (the provider decided at plan time; not a forcing input of the table)",
                            null, "keep " + key + " as it was")));
                }
                if (forcing.isEmpty() && facts.isPresent()) {
                    for (String key : changed) {
                        forcing(facts.get(), key, before, after, null).ifPresent(forcing::add);
                    }
                }
                if (forcing.isEmpty()) {
                    forcing.add(new Forcing("(none named)", null, null, "the preview replaces it without naming an "
                            + "input: a replaced resource it depends on, or a new provider", null,
                            "look at what it depends on in the preview"));
                }
            } else if (verdict == Verdict.DELETE) {
                forcing.add(urnGone());
            }
            changes.add(new Change(e.getKey(), any.type(), any.custom(), verdict, List.copyOf(changed),
                    dedupe(forcing), stateful(any, every), was != null && was.protect(), null,
                    any.custom() && !known(any.type())));
        }
        return withRenames(changes);
    }

    /** A resource in both plans: same, update, or replace with what forces it. */
    private Change compare(State was, State is, Collection<State> every) {
        List<String> changed = new ArrayList<>(paths(was.inputs(), is.inputs(), "").stream()
                .filter(p -> !ignored(is, p)).toList());
        if (was.protect() != is.protect()) {
            changed.add("(protect)");
        }
        if (!was.parent().equals(is.parent())) {
            changed.add("(parent)");
        }
        List<Forcing> forcing = new ArrayList<>();
        if (is.custom()) {
            table.facts(is.type()).ifPresent(f -> changed.stream().filter(p -> !p.startsWith("("))
                    .forEach(p -> forcing(f, p, was.inputs(), is.inputs(), null).ifPresent(forcing::add)));
        }
        Verdict verdict = !forcing.isEmpty() ? Verdict.REPLACE : changed.isEmpty() ? Verdict.SAME : Verdict.UPDATE;
        return new Change(is.urn(), is.type(), is.custom(), verdict, changed, dedupe(forcing), stateful(is, every),
                was.protect(), null, is.custom() && !known(is.type()));
    }

    private Change deletion(State was, Collection<State> every) {
        return new Change(was.urn(), was.type(), was.custom(), Verdict.DELETE, List.of(), List.of(urnGone()),
                stateful(was, every), was.protect(), null, was.custom() && !known(was.type()));
    }

    private static Forcing urnGone() {
        return new Forcing(Forcing.URN, null, null, "no resource with this URN is planned any more: a new name or "
                + "parent is another resource to Pulumi, so the old one is deleted", null,
                "keep the stack-file key it is named after; if the program renamed or re-parented it, give the new "
                        + "resource an alias of this URN");
    }

    /**
     * Carries replacements to the resources whose inputs come from a replaced one: in a plan both sides
     * read the same mocked id, but on AWS the replacement has a new one.
     */
    private void cascade(Map<String, Change> changes, Map<String, State> old, Map<String, State> now,
                         Map<String, String> renamed, Collection<State> every) {
        Map<String, String> oldUrn = new LinkedHashMap<>();
        renamed.forEach((o, n) -> oldUrn.put(n, o));
        Deque<String> replaced = new ArrayDeque<>();
        changes.values().stream().filter(c -> c.verdict() == Verdict.REPLACE).forEach(c -> replaced.add(c.urn()));
        while (!replaced.isEmpty()) {
            String source = replaced.pop();
            for (State is : now.values()) {
                Change current = changes.get(is.urn());
                if (!is.custom() || current.verdict() == Verdict.REPLACE || current.verdict() == Verdict.CREATE) {
                    continue;
                }
                for (var dep : is.propertyDependencies().entrySet()) {
                    if (!dep.getValue().contains(source) || ignored(is, dep.getKey())) {
                        continue;
                    }
                    State was = old.get(oldUrn.getOrDefault(is.urn(), is.urn()));
                    Optional<Forcing> forcing = table.facts(is.type())
                            .flatMap(f -> forcing(f, dep.getKey(), was.inputs(), is.inputs(), source));
                    List<String> changed = new ArrayList<>(current.changed());
                    if (!changed.contains(dep.getKey())) {
                        changed.add(dep.getKey());
                    }
                    if (forcing.isPresent()) {
                        List<Forcing> all = new ArrayList<>(current.forcing());
                        all.add(forcing.get());
                        current = new Change(is.urn(), is.type(), true, Verdict.REPLACE, changed, all,
                                current.stateful(), current.wasProtected(), null, current.unknownType());
                        replaced.add(is.urn());
                        changes.put(is.urn(), current);
                        break;
                    }
                    current = new Change(is.urn(), is.type(), true, Verdict.UPDATE, changed, current.forcing(),
                            current.stateful(), current.wasProtected(), null, current.unknownType());
                    changes.put(is.urn(), current);
                }
            }
        }
    }

    /** For each deletion, a resource of the same type the plan creates, when there is one: perhaps a rename. */
    private static List<Change> withRenames(List<Change> changes) {
        List<Change> out = new ArrayList<>();
        for (Change c : changes) {
            if (c.verdict() != Verdict.DELETE) {
                out.add(c);
                continue;
            }
            String instead = changes.stream().filter(x -> x.verdict() == Verdict.CREATE && x.type().equals(c.type()))
                    .map(Change::name).max(java.util.Comparator.comparingInt(n -> likeness(n, c.name())))
                    .orElse(null);
            out.add(new Change(c.urn(), c.type(), c.custom(), c.verdict(), c.changed(), c.forcing(), c.stateful(),
                    c.wasProtected(), instead, c.unknownType()));
        }
        return List.copyOf(out);
    }

    /** How much of two names is the same: the common beginning and the common end. */
    private static int likeness(String a, String b) {
        int start = 0;
        while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        int end = 0;
        while (end < a.length() - start && end < b.length() - start
                && a.charAt(a.length() - 1 - end) == b.charAt(b.length() - 1 - end)) {
            end++;
        }
        return start + end;
    }

    /** Whether a change of {@code path} forces a replacement of a resource with these facts, and how. */
    private static Optional<Forcing> forcing(ForcingTable.Facts facts, String path, JsonObject before, JsonObject after,
                                             String from) {
        for (String input : facts.replaceOn()) {
            if (!related(input, path)) {
                continue;
            }
            if (facts.onlyWhenSet().contains(input) && valueAt(after, input) == null) {
                continue; // the provider keeps what it computed when the input is left out
            }
            String named = path.length() > input.length() ? path : input;
            // A value taken from a replaced resource is its new id, unknown until that one exists.
            return Optional.of(new Forcing(named, from == null ? show(valueAt(before, named)) : null,
                    from == null ? show(valueAt(after, named)) : null, "ForceNew in " + facts.origin(), from,
                    advice(facts, input)));
        }
        for (ForcingTable.Conditional c : facts.replaceWhen()) {
            for (String input : c.inputs()) {
                if (related(input, path) && Rules.replaces(c.rule(), input, before, after)) {
                    return Optional.of(new Forcing(input, from == null ? show(valueAt(before, input)) : null,
                            from == null ? show(valueAt(after, input)) : null,
                            "the provider " + c.when() + " (" + facts.origin() + ")", from, advice(facts, input)));
                }
            }
        }
        return Optional.empty();
    }

    private static String advice(ForcingTable.Facts facts, String input) {
        return facts.avoid().getOrDefault(input, "keep " + input + " as it was");
    }

    /** Whether the engine keeps this input as it is ({@code ignoreChanges}), so that no change of it counts. */
    private static boolean ignored(State state, String path) {
        return state.ignoreChanges().stream().map(Differ::path)
                .anyMatch(i -> path.equals(i) || path.startsWith(i + "."));
    }

    /** One path inside the other: the block itself, or an input inside a forcing block. */
    private static boolean related(String forcing, String changed) {
        return changed.equals(forcing) || changed.startsWith(forcing + ".") || forcing.startsWith(changed + ".");
    }

    /** Why losing this resource loses data, or null. */
    private String stateful(State state, Collection<State> every) {
        Optional<ForcingTable.Facts> facts = table.facts(state.type());
        if (facts.isEmpty()) {
            return null;
        }
        if (facts.get().stateful() != null) {
            return facts.get().stateful();
        }
        if (facts.get().statefulWhenUsed() != null) {
            List<String> users = every.stream()
                    .filter(s -> table.facts(s.type()).map(f -> f.stateful() != null).orElse(false))
                    .filter(s -> s.propertyDependencies().values().stream().anyMatch(urns -> urns.contains(state.urn())))
                    .map(State::name).distinct().sorted().toList();
            if (!users.isEmpty()) {
                return facts.get().statefulWhenUsed() + " (" + String.join(", ", users) + ")";
            }
        }
        return null;
    }

    private boolean known(String type) {
        return type.startsWith("pulumi:") || table.facts(type).isPresent();
    }

    /** Every path whose value differs, nested blocks dotted, list positions left out. */
    static List<String> paths(JsonElement a, JsonElement b, String prefix) {
        a = a == null ? JsonNull.INSTANCE : a;
        b = b == null ? JsonNull.INSTANCE : b;
        if (a.equals(b)) {
            return List.of();
        }
        Set<String> out = new TreeSet<>();
        if (a.isJsonObject() && b.isJsonObject()) {
            Set<String> keys = new TreeSet<>(a.getAsJsonObject().keySet());
            keys.addAll(b.getAsJsonObject().keySet());
            for (String key : keys) {
                out.addAll(paths(a.getAsJsonObject().get(key), b.getAsJsonObject().get(key),
                        prefix.isEmpty() ? key : prefix + "." + key));
            }
        } else if (a.isJsonArray() && b.isJsonArray() && a.getAsJsonArray().size() == b.getAsJsonArray().size()
                && !prefix.isEmpty()) {
            for (int i = 0; i < a.getAsJsonArray().size(); i++) {
                out.addAll(paths(a.getAsJsonArray().get(i), b.getAsJsonArray().get(i), prefix));
            }
        } else {
            out.add(prefix);
        }
        return List.copyOf(out);
    }

    /** A detailed-diff key ({@code ingress[0].cidrBlocks}, {@code tags["Name"]}) as a dotted input path. */
    static String path(String key) {
        return key.replaceAll("\\[\"([^\"]*)\"]", ".$1").replaceAll("\\[\\d+]", "");
    }

    /** The value at a dotted path; through a list, the list itself. */
    static JsonElement valueAt(JsonObject inputs, String path) {
        JsonElement node = inputs;
        for (String part : path.split("\\.")) {
            if (node != null && node.isJsonObject()) {
                node = node.getAsJsonObject().get(part);
            } else {
                break;
            }
        }
        return node == null || node.isJsonNull() ? null : node;
    }

    /** A value as a reader should see it, shortened. */
    static String show(JsonElement value) {
        if (value == null) {
            return null;
        }
        String text = value.isJsonPrimitive() ? value.getAsString() : value.toString();
        if (text.equals(UNKNOWN)) {
            return "(known after the update)";
        }
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    private static Collection<State> union(Collection<State> a, Collection<State> b) {
        List<State> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Forcing> dedupe(List<Forcing> forcing) {
        Map<String, Forcing> byInput = new LinkedHashMap<>();
        forcing.forEach(f -> byInput.putIfAbsent(f.input(), f));
        return List.copyOf(byInput.values());
    }
}
