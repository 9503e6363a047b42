package dev.apphome.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where an image is pulled from, read from its reference as Docker reads it. */
class ImageSourceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.0|123456789012.dkr.ecr.eu-west-1.amazonaws.com|arn:aws:ecr:eu-west-1:123456789012:repository/api",
            "210987654321.dkr.ecr.cn-north-1.amazonaws.com.cn/team/api@sha256:ab|210987654321.dkr.ecr.cn-north-1.amazonaws.com.cn|arn:aws-cn:ecr:cn-north-1:210987654321:repository/team/api",
            "nginx:1.27|docker.io|",
            "bitnami/redis:7|docker.io|",
            "ghcr.io/acme/api:2|ghcr.io|",
            "registry.local:5000/api|registry.local:5000|"})
    void theRegistryAndTheEcrRepositoryComeFromTheReference(String image, String registry, String repository) {
        var source = ImageSource.of(image, "aws");

        assertEquals(registry, source.registry());
        assertEquals(repository == null ? "" : repository, source.ecr().map(ImageSource.Ecr::arn).orElse(""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1|ECR repository api in account 123456789012, eu-west-1: the execution role may pull exactly that repository; if 123456789012 is not this stack's account, the repository's policy must also allow this account",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1|ECR repository api in account 123456789012, us-east-1 (another region: pulls cross regions): the execution role may pull exactly that repository; if 123456789012 is not this stack's account, the repository's policy must also allow this account",
            "nginx:1.27|docker.io, a registry outside ECR: pulled without credentials over the internet (through NAT), so the execution role gets no pull rights; a private registry that needs credentials cannot be used, and Docker Hub limits pulls without an account"})
    void thePlanSaysWhatPullingNeeds(String image, String sentence) {
        assertEquals(sentence, ImageSource.of(image, "aws").describe("eu-west-1"));
    }
}
