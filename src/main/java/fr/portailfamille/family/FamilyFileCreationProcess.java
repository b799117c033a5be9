package fr.portailfamille.family;

/** Process {@code familyFileCreation}: the Guichet Unique creates a family file, then may link a waiting portal account. */
final class FamilyFileCreationProcess {

    static final String KEY = "familyFileCreation";
    static final String START = "StartEvent_FileRequested";
    static final String TASK_CREATE = "Task_CreateFamilyFile";
    static final String GATEWAY_ACCOUNT_WAITING = "Gateway_AccountWaiting";
    static final String TASK_CHOOSE_ACCOUNT = "Task_ChooseAccountToLink";
    static final String TASK_LINK = "Task_LinkFamilyAccount";
    static final String END_CREATED = "EndEvent_FileCreated";
    static final String END_LINK_OFFERED = "EndEvent_AccountLinkOffered";

    // start form fields
    static final String FAMILY_NAME = "familyName";
    static final String ADDRESS_LINE = "addressLine";
    static final String POSTAL_CODE = "postalCode";
    static final String CITY = "city";
    static final String GUARDIAN_LAST_NAME = "guardianLastName";
    static final String GUARDIAN_FIRST_NAME = "guardianFirstName";
    static final String GUARDIAN_EMAIL = "guardianEmail";
    static final String GUARDIAN_PHONE = "guardianPhone";
    static final int MAX_CHILDREN = 3;

    static String childFirstName(int n) { return "child" + n + "FirstName"; }
    static String childLastName(int n) { return "child" + n + "LastName"; }
    static String childBirthDate(int n) { return "child" + n + "BirthDate"; }

    // set by the process
    static final String FAMILY_FILE_ID = "familyFileId";
    static final String FAMILY_FILE_NUMBER = "familyFileNumber";
    static final String FAMILY_FILE_URL = "familyFileUrl";
    static final String ACCOUNT_WAITING = "accountWaiting";
    static final String CANDIDATE_USERNAMES = "candidateUsernames";
    // link form field
    static final String ACCOUNT_USERNAME = "accountUsername";
    static final String LINKED_ACCOUNT_ID = "linkedAccountId";

    private FamilyFileCreationProcess() {}
}
