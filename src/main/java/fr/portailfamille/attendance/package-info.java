/**
 * Attendance: who was expected and who came. The day sheet of an activity (« feuille de
 * présence ») with what the animators must know of each child, the check-in of each child by the
 * staff (present, absent justified or not, present without a booking, arrival and departure times
 * for activities counted by the session), the closing of a sheet and the audit of every entry.
 * Billing reads the outcome through {@link fr.portailfamille.attendance.Attendance}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Présences",
        allowedDependencies = {"planning", "activity", "family", "staff", "system", "system :: *"})
package fr.portailfamille.attendance;
