package dev.apphome.secrets;

/**
 * An application secret kept in Secrets Manager.
 *
 * @param name               the secret's name; for {@code stack} secrets also its config key
 * @param source             generated or stack; default generated
 * @param length             length of a generated value, 16 to 4096; default 64
 * @param recoveryWindowDays days a deleted secret can be restored, 7 to 30; default 7
 */
public record SecretArgs(String name, SecretSource source, int length, int recoveryWindowDays) {
}
