/**
 * « S'identifier avec FranceConnect »: the families' sign-in through the State's identity provider
 * (OpenID Connect authorization-code flow, {@code state}, {@code nonce}, signature and {@code acr}
 * checked), linked to a portal account only after that account's password was given once, unlinked
 * by the family; in the {@code local} and {@code test} profiles a local OpenID provider on this
 * machine plays FranceConnect.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FranceConnect",
        allowedDependencies = {"account", "system", "system :: *"})
package fr.portailfamille.franceconnect;
