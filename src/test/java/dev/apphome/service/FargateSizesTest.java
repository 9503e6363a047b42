package dev.apphome.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FargateSizesTest {

    @ParameterizedTest(name = "cpu {0} memory {1} → {2}")
    @CsvSource({
            "256, 512, true", "256, 2048, true", "256, 3072, false",
            "512, 1024, true", "512, 4096, true", "512, 512, false",
            "1024, 2048, true", "1024, 8192, true", "1024, 9216, false",
            "2048, 4096, true", "2048, 16384, true", "2048, 3072, false",
            "4096, 8192, true", "4096, 30720, true", "4096, 31744, false",
            "8192, 16384, true", "8192, 20480, true", "8192, 17408, false",
            "16384, 32768, true", "16384, 122880, true", "16384, 36864, false",
            "300, 1024, false", "32768, 65536, false",
    })
    void allowsExactlyFargatesCombinations(int cpu, int memory, boolean allowed) {
        assertEquals(allowed, FargateSizes.allowed(cpu, memory));
    }

    @ParameterizedTest(name = "cpu {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "256|[512, 1024, 2048]",
            "512|1024 to 4096 in steps of 1024",
            "8192|16384 to 61440 in steps of 4096",
            "300|cpu must be one of [256, 512, 1024, 2048, 4096, 8192, 16384]",
    })
    void describesTheMemoryACpuAllows(int cpu, String description) {
        assertEquals(description, FargateSizes.memoryFor(cpu));
    }
}
