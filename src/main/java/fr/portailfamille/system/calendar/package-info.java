/**
 * The town's calendar ({@link fr.portailfamille.system.calendar.TownCalendar}): public holidays,
 * zone B school holidays, working days and the working-day arithmetic of cut-offs and timers.
 */
@org.springframework.modulith.NamedInterface("calendar")
package fr.portailfamille.system.calendar;
