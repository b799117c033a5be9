/**
 * What every module may use: security plumbing, mail, layout, errors, time, the embedded
 * database of the zero-setup run and the demo-data framework. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Système")
package fr.portailfamille.system;
