package fr.portailfamille.registration;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegistrationRepository extends JpaRepository<Registration, Long> {

    List<Registration> findByFamilyFileIdOrderByCreatedAtDesc(long familyFileId);

    List<Registration> findByChildIdAndStateIn(long childId, Collection<RegistrationState> states);

    List<Registration> findByFamilyFileIdAndState(long familyFileId, RegistrationState state);

    List<Registration> findByChildIdAndState(long childId, RegistrationState state);

    List<Registration> findByActivityIdAndValidFromAndState(long activityId, java.time.LocalDate validFrom, RegistrationState state);
}
