import { cloudfrontBehindWaf } from "./policies/cloudfront/cloudfront-behind-waf";
import { cloudfrontHttpsOnly } from "./policies/cloudfront/cloudfront-https-only";
import { cloudfrontOriginAccessControl } from "./policies/cloudfront/cloudfront-origin-access-control";
import { cloudtrailValidatedAndEncrypted } from "./policies/cloudtrail/cloudtrail-validated-and-encrypted";
import { statefulResourcesProtected } from "./policies/data/stateful-resources-protected";
import { dynamodbEncryptedWithCmk } from "./policies/dynamodb/dynamodb-encrypted-with-cmk";
import { dynamodbPointInTimeRecovery } from "./policies/dynamodb/dynamodb-point-in-time-recovery";
import { ecrImageTagsImmutable } from "./policies/ecr/ecr-image-tags-immutable";
import { ecrRepositoryEncrypted } from "./policies/ecr/ecr-repository-encrypted";
import { ecsNoSecretsInEnvironment } from "./policies/ecs/ecs-no-secrets-in-environment";
import { ecsServicePrivate } from "./policies/ecs/ecs-service-private";
import { ecsTaskIngressOnlyFromGroups } from "./policies/ecs/ecs-task-ingress-only-from-groups";
import { ec2InstanceImdsv2AndEncryptedEbs } from "./policies/ec2/ec2-instance-imdsv2-and-encrypted-ebs";
import { ec2InstancePublicIpOnlyForNat } from "./policies/ec2/ec2-instance-public-ip-only-for-nat";
import { efsEncrypted } from "./policies/efs/efs-encrypted";
import { elasticacheEncryptedAtRestWithCmk } from "./policies/elasticache/elasticache-encrypted-at-rest-with-cmk";
import { elasticacheFailoverAndBackups } from "./policies/elasticache/elasticache-failover-and-backups";
import { elasticacheTlsAndAuthRequired } from "./policies/elasticache/elasticache-tls-and-auth-required";
import { lambdaEnvironmentEncryptedWithCmk } from "./policies/lambda/lambda-environment-encrypted-with-cmk";
import { lambdaFunctionInPrivateSubnets } from "./policies/lambda/lambda-function-in-private-subnets";
import { lambdaNoSecretsInEnvironment } from "./policies/lambda/lambda-no-secrets-in-environment";
import { kmsKeyRotated } from "./policies/kms/kms-key-rotated";
import { loadBalancerBehindWaf } from "./policies/lb/load-balancer-behind-waf";
import { loadBalancerDeletionProtected } from "./policies/lb/load-balancer-deletion-protected";
import { loadBalancerHardened } from "./policies/lb/load-balancer-hardened";
import { loadBalancerInMatchingSubnets } from "./policies/lb/load-balancer-in-matching-subnets";
import { loadBalancerListenerHttps } from "./policies/lb/load-balancer-listener-https";
import { logGroupEncrypted } from "./policies/logs/log-group-encrypted";
import { snsSubscriptionDeliversToAdmittingQueue } from "./policies/messaging/sns-subscription-delivers-to-admitting-queue";
import { snsTopicEncrypted } from "./policies/messaging/sns-topic-encrypted";
import { snsTopicTlsOnly } from "./policies/messaging/sns-topic-tls-only";
import { sqsQueueEncrypted } from "./policies/messaging/sqs-queue-encrypted";
import { sqsQueueHasDeadLetterQueue } from "./policies/messaging/sqs-queue-has-dead-letter-queue";
import { sqsQueuePolicyScopedToSubscribedTopics } from "./policies/messaging/sqs-queue-policy-scoped-to-subscribed-topics";
import { sqsQueueTlsOnly } from "./policies/messaging/sqs-queue-tls-only";
import { mskEncryptedWithTls } from "./policies/msk/msk-encrypted-with-tls";
import { mskNotPublic } from "./policies/msk/msk-not-public";
import { dataStoreSecurityGroupsAdmitOnlyGroups } from "./policies/network/data-store-security-groups-admit-only-groups";
import { dataStoresInPrivateSubnets } from "./policies/network/data-stores-in-private-subnets";
import { defaultSecurityGroupClosed } from "./policies/network/default-security-group-closed";
import { networkAclNoInternetAdminIngress } from "./policies/network/network-acl-no-internet-admin-ingress";
import { securityGroupInternetIngressOnlyToLoadBalancer } from "./policies/network/security-group-internet-ingress-only-to-load-balancer";
import { subnetNoPublicIpOnLaunch } from "./policies/network/subnet-no-public-ip-on-launch";
import { vpcFlowLogsEnabled } from "./policies/network/vpc-flow-logs-enabled";
import { rdsBackupsRetained } from "./policies/rds/rds-backups-retained";
import { rdsCredentialsManagedByRds } from "./policies/rds/rds-credentials-managed-by-rds";
import { rdsDeletionProtected } from "./policies/rds/rds-deletion-protected";
import { rdsMultiAz } from "./policies/rds/rds-multi-az";
import { rdsNotPubliclyAccessible } from "./policies/rds/rds-not-publicly-accessible";
import { rdsParameterGroupForcesTls } from "./policies/rds/rds-parameter-group-forces-tls";
import { rdsProxyRequiresTls } from "./policies/rds/rds-proxy-requires-tls";
import { rdsStorageEncryptedWithCmk } from "./policies/rds/rds-storage-encrypted-with-cmk";
import { s3BucketEncryptedWithKms } from "./policies/s3/s3-bucket-encrypted-with-kms";
import { s3BucketPublicAccessBlocked } from "./policies/s3/s3-bucket-public-access-blocked";
import { s3BucketTlsOnly } from "./policies/s3/s3-bucket-tls-only";
import { s3BucketVersionedWithLifecycle } from "./policies/s3/s3-bucket-versioned-with-lifecycle";
import { secretEncryptedWithCmk } from "./policies/secrets/secret-encrypted-with-cmk";

/**
 * Every policy of the pack, in one explicit list: nothing registers itself by being imported. The
 * entry module hands this list to the PolicyPack; the tests and bin/policy-check read it too.
 */
export const policies = [
    cloudfrontBehindWaf,
    cloudfrontHttpsOnly,
    cloudfrontOriginAccessControl,
    cloudtrailValidatedAndEncrypted,
    statefulResourcesProtected,
    dynamodbEncryptedWithCmk,
    dynamodbPointInTimeRecovery,
    ecrImageTagsImmutable,
    ecrRepositoryEncrypted,
    ecsNoSecretsInEnvironment,
    ecsServicePrivate,
    ecsTaskIngressOnlyFromGroups,
    ec2InstanceImdsv2AndEncryptedEbs,
    ec2InstancePublicIpOnlyForNat,
    efsEncrypted,
    elasticacheEncryptedAtRestWithCmk,
    elasticacheFailoverAndBackups,
    elasticacheTlsAndAuthRequired,
    kmsKeyRotated,
    lambdaEnvironmentEncryptedWithCmk,
    lambdaFunctionInPrivateSubnets,
    lambdaNoSecretsInEnvironment,
    loadBalancerBehindWaf,
    loadBalancerDeletionProtected,
    loadBalancerHardened,
    loadBalancerInMatchingSubnets,
    loadBalancerListenerHttps,
    logGroupEncrypted,
    snsSubscriptionDeliversToAdmittingQueue,
    snsTopicEncrypted,
    snsTopicTlsOnly,
    sqsQueueEncrypted,
    sqsQueueHasDeadLetterQueue,
    sqsQueuePolicyScopedToSubscribedTopics,
    sqsQueueTlsOnly,
    mskEncryptedWithTls,
    mskNotPublic,
    dataStoreSecurityGroupsAdmitOnlyGroups,
    dataStoresInPrivateSubnets,
    defaultSecurityGroupClosed,
    networkAclNoInternetAdminIngress,
    securityGroupInternetIngressOnlyToLoadBalancer,
    subnetNoPublicIpOnLaunch,
    vpcFlowLogsEnabled,
    rdsBackupsRetained,
    rdsCredentialsManagedByRds,
    rdsDeletionProtected,
    rdsMultiAz,
    rdsNotPubliclyAccessible,
    rdsParameterGroupForcesTls,
    rdsProxyRequiresTls,
    rdsStorageEncryptedWithCmk,
    s3BucketEncryptedWithKms,
    s3BucketPublicAccessBlocked,
    s3BucketTlsOnly,
    s3BucketVersionedWithLifecycle,
    secretEncryptedWithCmk,
];
