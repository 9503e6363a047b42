package dev.apphome.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The CPU and memory combinations Fargate accepts for a task (Linux). */
public final class FargateSizes {

    private static final Map<Integer, List<Integer>> MEMORY_BY_CPU = new LinkedHashMap<>();

    static {
        MEMORY_BY_CPU.put(256, List.of(512, 1024, 2048));
        MEMORY_BY_CPU.put(512, range(1024, 4096, 1024));
        MEMORY_BY_CPU.put(1024, range(2048, 8192, 1024));
        MEMORY_BY_CPU.put(2048, range(4096, 16384, 1024));
        MEMORY_BY_CPU.put(4096, range(8192, 30720, 1024));
        MEMORY_BY_CPU.put(8192, range(16384, 61440, 4096));
        MEMORY_BY_CPU.put(16384, range(32768, 122880, 8192));
    }

    private FargateSizes() {
    }

    public static boolean allowed(int cpu, int memory) {
        return MEMORY_BY_CPU.getOrDefault(cpu, List.of()).contains(memory);
    }

    public static List<Integer> cpuValues() {
        return List.copyOf(MEMORY_BY_CPU.keySet());
    }

    /** What memory the given CPU allows, in words, e.g. "1024 to 4096 in steps of 1024". */
    public static String memoryFor(int cpu) {
        List<Integer> values = MEMORY_BY_CPU.get(cpu);
        if (values == null) {
            return "cpu must be one of " + cpuValues();
        }
        if (values.size() <= 3) {
            return values.toString();
        }
        return values.get(0) + " to " + values.get(values.size() - 1) + " in steps of " + (values.get(1) - values.get(0));
    }

    private static List<Integer> range(int from, int to, int step) {
        return IntStream.iterate(from, v -> v <= to, v -> v + step).boxed().toList();
    }
}
