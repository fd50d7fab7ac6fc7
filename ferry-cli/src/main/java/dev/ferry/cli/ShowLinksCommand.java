package dev.ferry.cli;

import dev.ferry.host.share.LinksFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ferry show-links}: the links of the share this shell runs in. */
@Command(name = "show-links", description = "Inside a shared terminal, print its links again.")
final class ShowLinksCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        System.out.print(LinksFile.read(System.getenv(LinksFile.ENV)));
        System.out.flush();
        return 0;
    }
}
