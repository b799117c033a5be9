package fr.portailfamille.activity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ActivityRepository extends JpaRepository<Activity, Long> {

    @Query("select a from Activity a where a.code = :code")
    Optional<Activity> findByCode(String code);
}
