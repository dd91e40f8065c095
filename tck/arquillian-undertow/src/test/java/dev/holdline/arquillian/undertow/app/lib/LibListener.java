package dev.holdline.arquillian.undertow.app.lib;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Annotated listener inside a library jar. */
@WebListener
public class LibListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute("libListener", "initialized");
    }
}
