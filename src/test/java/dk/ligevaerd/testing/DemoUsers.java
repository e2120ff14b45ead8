package dk.ligevaerd.testing;

/** The people of the demo workspace that {@code DemoData} builds on a first start. */
public final class DemoUsers {

    public static final String PASSWORD = "demo";
    public static final String WORKSPACE = "Besøgsvenner i Vestbyen";
    public static final String MUNICIPALITY = "Kommune";
    public static final String CIVIL_SOCIETY = "Civilsamfund";

    /** Owner, moderator of the municipal side. */
    public static final String KOMMUNE1 = "kommune1";
    public static final String KOMMUNE2 = "kommune2";
    public static final String KOMMUNE3 = "kommune3";
    /** Moderator of the civil-society side. */
    public static final String CIVIL1 = "civil1";
    public static final String CIVIL2 = "civil2";
    public static final String CIVIL3 = "civil3";
    public static final String OBSERVER1 = "observer1";

    private DemoUsers() {
    }
}
