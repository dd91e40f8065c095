package dev.holdline.arquillian.undertow.app.classes;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/** Declared in web.xml several times: adds the header named by its init-params. */
public class HeaderFilter implements Filter {

    private String header;
    private String value;

    @Override
    public void init(FilterConfig config) {
        header = config.getInitParameter("header");
        value = config.getInitParameter("value");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) response).addHeader(header, value);
        chain.doFilter(request, response);
    }
}
