package org.redress.app;

import java.io.PrintWriter;
import org.redress.app.cli.RedressCommand;

/** Entry point of the runnable jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(RedressCommand.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }
}
