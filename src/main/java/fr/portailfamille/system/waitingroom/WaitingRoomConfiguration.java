package fr.portailfamille.system.waitingroom;

import fr.portailfamille.system.security.LoginLoad;
import fr.portailfamille.system.web.PublicRoutes;
import fr.portailfamille.system.web.SessionlessPages;
import fr.portailfamille.system.web.StaticResources;
import jakarta.servlet.DispatcherType;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The waiting room, on unless {@code portal.waiting-room.enabled=false}. Its filter runs before the
 * session is read (Spring Session's filter), on requests only: the waiting page it forwards to is
 * rendered without a session. Never held: the static files, the paths of {@code exempt-paths} (the
 * staff realm, health checks, FranceConnect's return) and the routes machines post to without a CSRF
 * token (the bank's notification), each module declaring them in its {@link PublicRoutes}. The queue
 * and the tickets' key are read at start, after the migrations, through the room's own few connections.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "portal.waiting-room", name = "enabled", havingValue = "true", matchIfMissing = true)
class WaitingRoomConfiguration {

    @Bean
    PublicRoutes waitingRoomPublicRoutes() {
        return new PublicRoutes(List.of(WaitingRoomFilter.ROOM, WaitingRoomFilter.STATE), List.of());
    }

    /** The waiting page reads no session: it gets the security chain of such pages, which reads none either. */
    @Bean
    SessionlessPages waitingRoomSessionlessPages() {
        return new SessionlessPages(List.of(WaitingRoomFilter.ROOM));
    }

    @Bean(destroyMethod = "close")
    WaitingRoomStore waitingRoomStore(DataSource dataSource) throws SQLException {
        return WaitingRoomStore.onItsOwnConnections(dataSource);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    @DependsOnDatabaseInitialization
    WaitingRoom waitingRoom(WaitingRoomStore store, WaitingRoomSettings settings, LoginLoad loginLoad, Clock clock) {
        return new WaitingRoom(store, settings, loginLoad, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    FilterRegistrationBean<WaitingRoomFilter> waitingRoomFilter(WaitingRoom room, WaitingRoomStore store,
            WaitingRoomSettings settings, Clock clock, List<PublicRoutes> publicRoutes,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookie) {
        List<String> exempt = new ArrayList<>(settings.exemptPaths());
        exempt.addAll(StaticResources.PATHS);
        publicRoutes.forEach(routes -> exempt.addAll(routes.csrfExempt()));
        Tickets tickets = new Tickets(store.signingKey(), clock, settings.ticketLifetime());
        FilterRegistrationBean<WaitingRoomFilter> registration =
                new FilterRegistrationBean<>(new WaitingRoomFilter(room, tickets, store, exempt, secureCookie));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        return registration;
    }
}
