package dev.apphome.plan;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the engine's wire values (protobuf Structs with Pulumi's special signatures) to plain Java. */
final class StructValues {

    static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    /** How the engine writes a value not known until the resource exists; kept as is, like pulumi preview --json. */
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private StructValues() {
    }

    /** Plain values; every secret becomes {@link PlannedResource#SECRET}. */
    static Map<String, Object> toMap(Struct struct) {
        Map<String, Object> result = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> result.put(k, toJava(v)));
        return result;
    }

    /** True when the value holds a secret anywhere inside. */
    static boolean containsSecret(Value value) {
        return switch (value.getKindCase()) {
            case STRUCT_VALUE -> {
                Map<String, Value> fields = value.getStructValue().getFieldsMap();
                Value sig = fields.get(SIG_KEY);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    yield true;
                }
                if (sig != null && OUTPUT_SIG.equals(sig.getStringValue()) && fields.containsKey("secret")
                        && fields.get("secret").getBoolValue()) {
                    yield true;
                }
                yield fields.values().stream().anyMatch(StructValues::containsSecret);
            }
            case LIST_VALUE -> value.getListValue().getValuesList().stream().anyMatch(StructValues::containsSecret);
            default -> false;
        };
    }

    static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> {
                double d = value.getNumberValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
            case STRING_VALUE -> value.getStringValue();
            case LIST_VALUE -> toList(value.getListValue());
            case STRUCT_VALUE -> {
                Map<String, Value> fields = value.getStructValue().getFieldsMap();
                Value sig = fields.get(SIG_KEY);
                if (sig != null) {
                    String kind = sig.getStringValue();
                    if (SECRET_SIG.equals(kind)) {
                        yield PlannedResource.SECRET;
                    }
                    if (RESOURCE_SIG.equals(kind)) {
                        Value id = fields.get("id");
                        yield id != null && !id.getStringValue().isEmpty() ? id.getStringValue()
                                : fields.get("urn").getStringValue();
                    }
                    if (OUTPUT_SIG.equals(kind)) {
                        if (fields.containsKey("secret") && fields.get("secret").getBoolValue()) {
                            yield PlannedResource.SECRET;
                        }
                        yield fields.containsKey("value") ? toJava(fields.get("value")) : UNKNOWN;
                    }
                }
                yield toMap(value.getStructValue());
            }
        };
    }

    private static List<Object> toList(ListValue list) {
        List<Object> result = new ArrayList<>();
        list.getValuesList().forEach(v -> result.add(toJava(v)));
        return result;
    }
}
