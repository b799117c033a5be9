package fr.portailfamille.planning;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * « dupliquer des réservations »: activité, personne source, personnes cibles, du … au …. A date
 * that cannot be read is answered by {@code typeMismatch.form.du/au} of messages.properties; the
 * order and extent of the dates and the targets are checked by the controller.
 */
class DuplicationForm {

    @NotNull(message = "Choisissez l'activité.")
    private Long activite;
    @NotNull(message = "Choisissez la personne source.")
    private Long source;
    private List<Long> cibles = new ArrayList<>();
    @NotNull(message = "Saisissez la date de début.")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate du;
    @NotNull(message = "Saisissez la date de fin.")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate au;

    public Long getActivite() { return activite; }
    public void setActivite(Long activite) { this.activite = activite; }
    public Long getSource() { return source; }
    public void setSource(Long source) { this.source = source; }
    public List<Long> getCibles() { return cibles; }
    public void setCibles(List<Long> cibles) { this.cibles = cibles == null ? new ArrayList<>() : cibles; }
    public LocalDate getDu() { return du; }
    public void setDu(LocalDate du) { this.du = du; }
    public LocalDate getAu() { return au; }
    public void setAu(LocalDate au) { this.au = au; }
}
