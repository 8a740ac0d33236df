package org.sapere.config;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.sapere.shared.NotFoundException;
import org.sapere.shared.web.PageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Error pages in the site's layout, in the reader's language, never with a stack trace. Errors the container
 * raises come through {@code /error}; exceptions from controllers through the advice below.
 */
@Controller
@ControllerAdvice
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = HttpStatus.resolve(code instanceof Integer i ? i : response.getStatus());
        return page(request, status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
    }

    @RequestMapping("/error/{code:\\d{3}}")
    ModelAndView errorCode(@PathVariable int code, HttpServletRequest request) {
        var status = HttpStatus.resolve(code);
        return page(request, status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ModelAndView notFound(HttpServletRequest request) {
        return page(request, HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badRequest(HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST);
    }

    private ModelAndView page(HttpServletRequest request, HttpStatus status) {
        if (status.is5xxServerError()) {
            var failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Request {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), (Throwable)
                    (failure instanceof Throwable t ? t : null));
        }
        var kind = switch (status.value()) {
            case 400, 403, 404, 405, 413 -> Integer.toString(status.value());
            default -> status.is4xxClientError() ? "400" : "500";
        };
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var principal = authentication == null ? null : authentication.getPrincipal();
        PageContext page = PageContextAdvice.pageFor(request, principal, messages);
        var view = new ModelAndView("error/error", Map.of("page", page, "kind", kind, "status", status.value()));
        view.setStatus(status);
        return view;
    }
}
