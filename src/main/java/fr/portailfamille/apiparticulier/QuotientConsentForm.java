package fr.portailfamille.apiparticulier;

import fr.portailfamille.system.validation.SingleLine;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;

/**
 * « J'accepte que la commune obtienne mon quotient familial auprès de la CAF ou de la MSA », and — for a
 * family not signed in through FranceConnect — the identity of the allocataire the CAF or the MSA knows.
 * The identity is required only then ({@link QuotientCafController} checks it into the same errors).
 */
class QuotientConsentForm {

    @AssertTrue(message = "Pour que la commune obtienne votre quotient familial, cochez la case d'accord.")
    private boolean accept;

    @SingleLine(max = 100)
    private String birthName;

    @SingleLine(max = 200)
    private String firstNames;

    @Pattern(regexp = "|F|M", message = "Choisissez le sexe indiqué à l'état civil.")
    private String sex;

    private String birthDate;

    @Pattern(regexp = "|[0-9][0-9AB][0-9]{3}", message = "Saisissez le code INSEE de la commune de naissance : 5 caractères, par exemple 59350 (à ne pas confondre avec le code postal).")
    private String birthCommune;

    @Pattern(regexp = "|99[0-9]{3}", message = "Saisissez le code INSEE du pays de naissance : 5 chiffres commençant par 99, par exemple 99100 pour la France.")
    private String birthCountry = "99100";

    public boolean isAccept() { return accept; }
    public void setAccept(boolean accept) { this.accept = accept; }
    public String getBirthName() { return birthName; }
    public void setBirthName(String birthName) { this.birthName = trim(birthName); }
    public String getFirstNames() { return firstNames; }
    public void setFirstNames(String firstNames) { this.firstNames = trim(firstNames); }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = trim(sex); }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = trim(birthDate); }
    public String getBirthCommune() { return birthCommune; }
    public void setBirthCommune(String birthCommune) { this.birthCommune = trim(birthCommune).toUpperCase(java.util.Locale.ROOT); }
    public String getBirthCountry() { return birthCountry; }
    public void setBirthCountry(String birthCountry) { this.birthCountry = trim(birthCountry); }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
