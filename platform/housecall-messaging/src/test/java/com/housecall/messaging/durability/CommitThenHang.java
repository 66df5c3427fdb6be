package com.housecall.messaging.durability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The child process of {@link KilledServiceKeepsItsCommitsTest}: commits one row at a time into the database at
 * {@code args[0]}, says so on stdout after each commit, as a service does before its Kafka offset is committed, and
 * then waits to be killed.
 */
public final class CommitThenHang {

    private CommitThenHang() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[1]);
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS committed (n INT PRIMARY KEY)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO committed (n) VALUES (?)")) {
                for (int n = 1; n <= rows; n++) {
                    insert.setInt(1, n);
                    insert.executeUpdate(); // auto-commit: committed when it returns
                    System.out.println("committed " + n);
                    System.out.flush();
                }
            }
            System.in.read(); // until killed
        }
    }
}
