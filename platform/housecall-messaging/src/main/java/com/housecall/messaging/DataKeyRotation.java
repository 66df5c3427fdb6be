package com.housecall.messaging;

import com.housecall.events.phi.DataKeyIssued;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation at start-up (owner only): with a new {@code housecall.phi.kek} and the old one among
 * {@code previous-keks}, every data key still wrapped by an older version is re-wrapped, a batch per transaction,
 * and announced again on booking.keys.v1 so readers holding the new KEK open it. Data keys, and so the sealed
 * records on the topics, do not change. Once this ran everywhere the old KEK can leave the configuration.
 */
public class DataKeyRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DataKeyRotation.class);
    private static final int BATCH = 200;

    private final DataKeys dataKeys;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;

    public DataKeyRotation(DataKeys dataKeys, OutboxWriter outbox, TransactionTemplate transactions) {
        this.dataKeys = dataKeys;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        rotate();
    }

    /** Returns how many data keys were re-wrapped. */
    public int rotate() {
        int total = 0;
        int batch;
        do {
            Integer done = transactions.execute(status -> {
                List<DataKeyIssued> rewrapped = dataKeys.rotate(BATCH);
                rewrapped.forEach(outbox::append);
                return rewrapped.size();
            });
            batch = done == null ? 0 : done;
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            log.info("Re-wrapped {} data keys with the current key-encryption key", total);
        }
        return total;
    }
}
