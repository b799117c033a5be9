package fr.portailfamille.family;

import fr.portailfamille.staff.ProcessVariable;

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
    static final ProcessVariable<String> FAMILY_NAME = ProcessVariable.text("familyName");
    static final ProcessVariable<String> ADDRESS_LINE = ProcessVariable.text("addressLine");
    static final ProcessVariable<String> POSTAL_CODE = ProcessVariable.text("postalCode");
    static final ProcessVariable<String> CITY = ProcessVariable.text("city");
    static final ProcessVariable<String> GUARDIAN_LAST_NAME = ProcessVariable.text("guardianLastName");
    static final ProcessVariable<String> GUARDIAN_FIRST_NAME = ProcessVariable.text("guardianFirstName");
    static final ProcessVariable<String> GUARDIAN_EMAIL = ProcessVariable.text("guardianEmail");
    static final ProcessVariable<String> GUARDIAN_PHONE = ProcessVariable.text("guardianPhone");
    static final int MAX_CHILDREN = 3;

    static String childFirstName(int n) { return "child" + n + "FirstName"; }
    static String childLastName(int n) { return "child" + n + "LastName"; }
    static String childBirthDate(int n) { return "child" + n + "BirthDate"; }

    // set by the process
    static final ProcessVariable<Long> FAMILY_FILE_ID = ProcessVariable.id("familyFileId");
    static final ProcessVariable<String> FAMILY_FILE_NUMBER = ProcessVariable.text("familyFileNumber");
    static final ProcessVariable<String> FAMILY_FILE_URL = ProcessVariable.text("familyFileUrl");
    static final ProcessVariable<Boolean> ACCOUNT_WAITING = ProcessVariable.flag("accountWaiting");
    static final ProcessVariable<String> CANDIDATE_USERNAMES = ProcessVariable.text("candidateUsernames");
    // link form field
    static final ProcessVariable<String> ACCOUNT_USERNAME = ProcessVariable.text("accountUsername");
    static final ProcessVariable<Long> LINKED_ACCOUNT_ID = ProcessVariable.id("linkedAccountId");

    private FamilyFileCreationProcess() {}
}
