package fr.portailfamille.family;

import fr.portailfamille.system.security.FamilyPrincipal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@link CurrentFamily} parameters for every module's controllers. The file is looked up
 * once per request (the tabs' counters and the page share it; when the page's method takes the whole
 * file, the counters' id comes from that one lookup by account) and at each request: a link made by
 * the Guichet Unique shows at once.
 */
@Component
class CurrentFamilyResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private static final String FILE_ID = CurrentFamilyResolver.class.getName() + ".fileId";
    private static final String SUMMARY = CurrentFamilyResolver.class.getName() + ".summary";

    private final FamilyFiles families;

    CurrentFamilyResolver(FamilyFiles families) {
        this.families = families;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        if (!parameter.hasParameterAnnotation(CurrentFamily.class)) {
            return false;
        }
        Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
        if (type == FamilySummary.class || type == Long.class || type == long.class) {
            return true;
        }
        throw new IllegalStateException("@CurrentFamily takes a FamilySummary, a long or an Optional of them, not " + parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        boolean summary = parameter.nestedIfOptional().getNestedParameterType() == FamilySummary.class;
        Optional<?> family = summary ? summary(request) : fileId(request);
        if (parameter.isOptional()) {
            return family;
        }
        return family.orElseThrow(NoFamilyFile::new);
    }

    private Optional<Long> fileId(NativeWebRequest request) {
        @SuppressWarnings("unchecked")
        Optional<Long> known = (Optional<Long>) request.getAttribute(FILE_ID, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            if (handlerTakesSummary(request)) {
                // the page's method will want the whole file: one lookup by account serves both
                return summary(request).map(FamilySummary::id);
            }
            known = accountId().flatMap(families::fileIdOfAccount);
            request.setAttribute(FILE_ID, known, RequestAttributes.SCOPE_REQUEST);
        }
        return known;
    }

    private Optional<FamilySummary> summary(NativeWebRequest request) {
        @SuppressWarnings("unchecked")
        Optional<FamilySummary> known = (Optional<FamilySummary>) request.getAttribute(SUMMARY, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            @SuppressWarnings("unchecked")
            Optional<Long> fileId = (Optional<Long>) request.getAttribute(FILE_ID, RequestAttributes.SCOPE_REQUEST);
            known = fileId != null ? fileId.flatMap(families::find) : accountId().flatMap(families::ofAccount);
            request.setAttribute(SUMMARY, known, RequestAttributes.SCOPE_REQUEST);
            request.setAttribute(FILE_ID, known.map(FamilySummary::id), RequestAttributes.SCOPE_REQUEST);
        }
        return known;
    }

    private static Optional<Long> accountId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof FamilyPrincipal family
                ? Optional.of(family.accountId()) : Optional.empty();
    }

    /** Whether the controller method of this request takes the whole file ({@code @CurrentFamily FamilySummary}). */
    private static boolean handlerTakesSummary(NativeWebRequest request) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(CurrentFamily.class)
                        && parameter.nestedIfOptional().getNestedParameterType() == FamilySummary.class) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The account has no family file (yet): see {@link NoFamilyFileAdvice}. */
    static class NoFamilyFile extends RuntimeException {
        NoFamilyFile() {
            super("the account is not linked to a family file", null, false, false);
        }
    }
}
