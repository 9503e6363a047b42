package dev.apphome.registry;

import com.pulumi.aws.ecr.RegistryScanningConfiguration;
import com.pulumi.aws.ecr.RegistryScanningConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RegistryScanningConfigurationRuleArgs;
import com.pulumi.aws.ecr.inputs.RegistryScanningConfigurationRuleRepositoryFilterArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;

import java.util.List;
import java.util.Map;

/**
 * Enhanced (Amazon Inspector) scanning for the repositories that ask for it. The registry's scanning
 * configuration is one per account and region: it replaces whatever another stack set, so only one
 * stack per account and region should ask for enhanced scanning.
 */
public final class RegistryScanning extends ComponentResource {

    public RegistryScanning(String name, List<String> repositoryNames, ComponentResourceOptions options) {
        super("apphome:registry:RegistryScanning", name, options);
        new RegistryScanningConfiguration(Naming.child(name, "configuration"), RegistryScanningConfigurationArgs.builder()
                .scanType("ENHANCED")
                .rules(RegistryScanningConfigurationRuleArgs.builder()
                        .scanFrequency("CONTINUOUS_SCAN")
                        .repositoryFilters(repositoryNames.stream().map(n -> RegistryScanningConfigurationRuleRepositoryFilterArgs
                                .builder().filter(n).filterType("WILDCARD").build()).toList())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of());
    }
}
