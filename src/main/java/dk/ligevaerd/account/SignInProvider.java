package dk.ligevaerd.account;

/** An organisation's sign-in offered on the login page: its configuration key and its shown name. */
public record SignInProvider(String registrationId, String name) {
}
