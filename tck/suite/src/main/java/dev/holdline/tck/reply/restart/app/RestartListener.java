package dev.holdline.tck.reply.restart.app;

import dev.holdline.reply.Operations;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Declares the kind {@code resumable} at start-up, as an application declares the work it can run again. */
@WebListener
public class RestartListener implements ServletContextListener {

    /** The kind that is run again after a restart; {@code one-shot} is not. */
    public static final String RESUMABLE = "resumable";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Operations.of(event.getServletContext()).declareResumable(RESUMABLE, HoldingTask::run);
    }
}
