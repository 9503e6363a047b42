package dev.apphome.identity;

import com.pulumi.aws.cognito.UserPool;
import com.pulumi.aws.cognito.UserPoolArgs;
import com.pulumi.aws.cognito.UserPoolClient;
import com.pulumi.aws.cognito.UserPoolClientArgs;
import com.pulumi.aws.cognito.inputs.UserPoolAccountRecoverySettingArgs;
import com.pulumi.aws.cognito.inputs.UserPoolAccountRecoverySettingRecoveryMechanismArgs;
import com.pulumi.aws.cognito.inputs.UserPoolAdminCreateUserConfigArgs;
import com.pulumi.aws.cognito.inputs.UserPoolClientTokenValidityUnitsArgs;
import com.pulumi.aws.cognito.inputs.UserPoolPasswordPolicyArgs;
import com.pulumi.aws.cognito.inputs.UserPoolSoftwareTokenMfaConfigurationArgs;
import com.pulumi.aws.cognito.inputs.UserPoolUserPoolAddOnsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import dev.apphome.wiring.Store;
import dev.apphome.wiring.StoreContext;

import java.util.List;
import java.util.Map;

/**
 * A Cognito user pool for administrators and its web app client. Only administrators create users;
 * users sign in with their email address and a TOTP second factor; passwords are long and mixed.
 * The app client has no secret: it is for a browser (single-page app with SRP or the hosted UI's
 * PKCE flow), which cannot keep one. A service that uses the pool receives its ids as plain
 * variables to verify tokens; tokens are verified against the pool's public keys, so the service
 * needs no IAM permission.
 */
public final class AdminUserPool extends ComponentResource implements Store<Boolean> {

    private final UserPool pool;
    private final UserPoolClient client;

    public AdminUserPool(String name, UserPoolSettings args, StoreContext context) {
        super("apphome:identity:AdminUserPool", name, ComponentResourceOptions.Empty);
        this.pool = new UserPool(Naming.child(name, "pool"), UserPoolArgs.builder()
                .name(name)
                .usernameAttributes("email")
                .autoVerifiedAttributes("email")
                .adminCreateUserConfig(UserPoolAdminCreateUserConfigArgs.builder().allowAdminCreateUserOnly(true).build())
                .mfaConfiguration(args.mfa().cognito)
                .softwareTokenMfaConfiguration(UserPoolSoftwareTokenMfaConfigurationArgs.builder().enabled(true).build())
                .userPoolTier(args.threatProtection().tier())
                .userPoolAddOns(UserPoolUserPoolAddOnsArgs.builder()
                        .advancedSecurityMode(args.threatProtection().name()).build())
                .passwordPolicy(UserPoolPasswordPolicyArgs.builder()
                        .minimumLength(args.passwordMinLength())
                        .requireLowercase(true).requireUppercase(true).requireNumbers(true).requireSymbols(true)
                        .temporaryPasswordValidityDays(args.temporaryPasswordDays())
                        .build())
                .accountRecoverySetting(UserPoolAccountRecoverySettingArgs.builder()
                        .recoveryMechanisms(UserPoolAccountRecoverySettingRecoveryMechanismArgs.builder()
                                .name("verified_email").priority(1).build())
                        .build())
                .deletionProtection(args.deletionProtection() ? "ACTIVE" : "INACTIVE")
                .build(), context.protection().stateful(this));
        this.client = new UserPoolClient(Naming.child(name, "web"), UserPoolClientArgs.builder()
                .name(name + "-web")
                .userPoolId(pool.id())
                .generateSecret(false)
                .explicitAuthFlows(List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))
                .preventUserExistenceErrors("ENABLED")
                .enableTokenRevocation(true)
                .accessTokenValidity(args.sessionHours())
                .idTokenValidity(args.sessionHours())
                .refreshTokenValidity(args.refreshDays())
                .tokenValidityUnits(UserPoolClientTokenValidityUnitsArgs.builder()
                        .accessToken("hours").idToken("hours").refreshToken("days").build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("userPoolId", pool.id(), "clientId", client.id()));
    }

    /** What a service that uses the pool receives: its ids, as plain variables (neither is a secret). */
    @Override
    public Connection connect(Client service, Boolean access) {
        return new Connection(Map.of("COGNITO_USER_POOL_ID", pool.id(), "COGNITO_CLIENT_ID", client.id()), Map.of(),
                List.of());
    }

    public Output<String> userPoolId() {
        return pool.id();
    }

    public Output<String> clientId() {
        return client.id();
    }
}
