package com.housecall.localstack.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The launcher behind {@code bin/housecall} (CONTRACT.md section 1): {@code up}, {@code down}, {@code status},
 * {@code token}, {@code logs}. The wrapper runs it with {@code -Dhousecall.root=<repository>} on local-stack's
 * classpath, which the infrastructure parts it starts share.
 */
public final class Housecall {

    private Housecall() {
    }

    public static void main(String[] args) {
        // the launcher's own Kafka client (the broker's health check) logs only errors; the broker keeps warnings
        System.setProperty("housecall.kafka.level", "ERROR");
        Settings settings = Settings.of(Path.of(System.getProperty("housecall.root", ".")), System.getenv());
        int exit;
        try {
            exit = run(settings, System.getProperty("java.class.path"), Arrays.asList(args), System.out);
        } catch (LaunchException e) {
            System.err.println("housecall: " + e.getMessage());
            exit = 1;
        }
        System.out.flush();
        System.exit(exit);
    }

    static int run(Settings settings, String classpath, List<String> args, PrintStream out) {
        String command = args.isEmpty() ? "help" : args.getFirst();
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        Commands commands = new Commands(settings, out);
        return switch (command) {
            case "up" -> new Up(settings, classpath, out).run(upOptions(rest, settings));
            case "down" -> commands.down(rest);
            case "status" -> commands.status();
            case "token" -> commands.token(rest);
            case "logs" -> commands.logs(rest);
            case "help", "-h", "--help" -> {
                out.print(Commands.usage(settings));
                yield 0;
            }
            default -> throw new LaunchException("unknown command '" + command + "' (try bin/housecall help)");
        };
    }

    static Up.Options upOptions(List<String> args, Settings settings) {
        boolean detach = false;
        boolean rebuild = false;
        boolean devTokens = settings.devTokensByDefault();
        boolean demo = true;
        String only = "";
        String second = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--detach" -> detach = true;
                case "--rebuild" -> rebuild = true;
                case "--dev-tokens" -> devTokens = true;
                case "--no-demo" -> demo = false;
                case "--only" -> only = value(args, ++i, "--only needs a list, e.g. --only kafka,mail");
                case "--second" -> second = value(args, ++i, "--second needs a service, e.g. --second dispatch");
                default -> {
                    if (arg.startsWith("--only=")) {
                        only = arg.substring("--only=".length());
                    } else if (arg.startsWith("--second=")) {
                        second = arg.substring("--second=".length());
                    } else {
                        throw new LaunchException("unknown option '" + arg + "' for up");
                    }
                }
            }
        }
        Plan.select(only, devTokens); // an unknown part fails before anything starts
        Optional<Part> secondInstance = Optional.ofNullable(second).map(s -> SecondInstance.named(s.strip(), settings));
        return new Up.Options(detach, rebuild, only, devTokens, demo, secondInstance);
    }

    private static String value(List<String> args, int index, String missing) {
        if (index >= args.size()) {
            throw new LaunchException(missing);
        }
        return args.get(index);
    }
}
