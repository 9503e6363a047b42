package dev.apphome.cost;

import java.util.ArrayList;
import java.util.List;

/** S3 buckets, ECR repositories and CloudFront distributions. */
final class StorageCosts {

    /** CloudFront edge groups the price table has: price-table name, display name. */
    private static final String[][] EDGES = {{"northAmerica", "North America"}, {"europe", "Europe"}, {"southAmerica", "South America"}};

    private StorageCosts() {
    }

    static void register(Catalog c) {
        for (String type : List.of("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket")) {
            c.priced(type, StorageCosts::bucket,
                    "storageGb", "GB stored in S3 Standard (average over the month)",
                    "putThousands", "thousands of PUT, COPY, POST and LIST requests a month",
                    "getThousands", "thousands of GET and other requests a month");
        }
        for (String type : List.of("aws:s3/bucketPolicy:BucketPolicy", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "aws:s3/bucketVersioningV2:BucketVersioningV2",
                "aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketAclV2:BucketAclV2",
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws:s3/bucketLoggingV2:BucketLoggingV2",
                "aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2", "aws:s3/bucketNotification:BucketNotification")) {
            c.free(type, "a setting of its bucket, which is priced");
        }
        c.priced("aws:ecr/repository:Repository", (r, p) -> Outcome.lines(
                p.usage(r, "image storage", "GB-months", "ecr.storage.gbMonth", "storageGb")),
                "storageGb", "GB of images the repository keeps");
        c.free("aws:ecr/lifecyclePolicy:LifecyclePolicy", "a setting of its repository");
        c.priced("aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration", (r, p) ->
                "ENHANCED".equals(r.in().string("scanType", "BASIC"))
                        ? new Outcome.Unpriced("enhanced scanning is Amazon Inspector, billed per image scanned; the price table has no Inspector prices")
                        : Outcome.free("basic scanning has no charge"));
        c.free("aws:ecr/repositoryPolicy:RepositoryPolicy", "a policy; no charge");
        List<String> edgeKeys = new ArrayList<>();
        for (String[] edge : EDGES) {
            edgeKeys.add(edge[0] + "Gb");
            edgeKeys.add("GB served from " + edge[1] + " edge locations a month");
            edgeKeys.add(edge[0] + "Requests10k");
            edgeKeys.add("ten-thousands of HTTPS requests served from " + edge[1] + " edge locations a month");
        }
        c.priced("aws:cloudfront/distribution:Distribution", StorageCosts::distribution, edgeKeys.toArray(String[]::new));
        for (String type : List.of("aws:cloudfront/originAccessControl:OriginAccessControl",
                "aws:cloudfront/originAccessIdentity:OriginAccessIdentity", "aws:cloudfront/cachePolicy:CachePolicy",
                "aws:cloudfront/originRequestPolicy:OriginRequestPolicy",
                "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", "aws:cloudfront/keyGroup:KeyGroup",
                "aws:cloudfront/publicKey:PublicKey")) {
            c.free(type, "a setting of its distribution");
        }
    }

    static Outcome bucket(Resource r, Pricing p) {
        return Outcome.lines(
                p.usage(r, "S3 Standard storage", "GB-months", "s3.standard.gbMonth", "storageGb"),
                p.usage(r, "PUT, COPY, POST and LIST requests", "1,000 requests", "s3.put1k", "putThousands"),
                p.usage(r, "GET and other requests", "1,000 requests", "s3.get1k", "getThousands"));
    }

    /** Pay-as-you-go CloudFront: per GB and per request, by the edge group that serves the viewer. */
    static Outcome distribution(Resource r, Pricing p) {
        String priceClass = r.in().string("priceClass", "PriceClass_All");
        int groups = priceClass.equals("PriceClass_All") ? 3 : 2; // PriceClass_100 and _200 leave out South America
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            String[] edge = EDGES[i];
            lines.add(p.usage(r, "data out, " + edge[1] + " edges", "GB", "cloudfront." + edge[0] + ".dataOutGb", edge[0] + "Gb"));
            lines.add(p.usage(r, "HTTPS requests, " + edge[1] + " edges", "10,000 requests", "cloudfront." + edge[0] + ".https10k",
                    edge[0] + "Requests10k"));
        }
        return Outcome.lines(lines);
    }
}
