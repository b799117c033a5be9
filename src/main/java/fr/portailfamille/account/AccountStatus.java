package fr.portailfamille.account;

enum AccountStatus {
    /** signed up, activation link not yet clicked */
    PENDING,
    /** may log in */
    ACTIVE
}
