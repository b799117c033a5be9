package fr.portailfamille.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "child")
class Child {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_file_id")
    private FamilyFile familyFile;

    @Column(nullable = false)
    private String lastName;

    @Column(nullable = false)
    private String firstName;

    @Column(nullable = false)
    private LocalDate birthDate;

    private String sex;
    private String school;
    private String schoolClass;

    protected Child() {}

    Child(String lastName, String firstName, LocalDate birthDate, String sex, String school, String schoolClass) {
        this.lastName = lastName;
        this.firstName = firstName;
        this.birthDate = birthDate;
        this.sex = sex;
        this.school = school;
        this.schoolClass = schoolClass;
    }

    void attachTo(FamilyFile file) {
        this.familyFile = file;
    }

    /** A correction of identity data accepted by the Guichet Unique (null keeps the current value). */
    void correctIdentity(String lastName, String firstName, LocalDate birthDate) {
        if (lastName != null) {
            this.lastName = lastName;
        }
        if (firstName != null) {
            this.firstName = firstName;
        }
        if (birthDate != null) {
            this.birthDate = birthDate;
        }
    }

    Long getId() { return id; }
    String getLastName() { return lastName; }
    String getFirstName() { return firstName; }
    LocalDate getBirthDate() { return birthDate; }
    String getSex() { return sex; }
    String getSchool() { return school; }
    String getSchoolClass() { return schoolClass; }
}
