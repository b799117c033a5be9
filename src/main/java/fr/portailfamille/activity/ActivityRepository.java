package fr.portailfamille.activity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityRepository extends JpaRepository<Activity, Long> {

    Optional<Activity> findByCode(String code);
}
