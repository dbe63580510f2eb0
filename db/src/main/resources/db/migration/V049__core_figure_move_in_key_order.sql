-- core_figure_move (V047) wrote the old key's part, then the new key's. Two transactions moving one
-- figure in opposite directions (a person corrected from kecamatan A to B while another goes from B
-- to A, in the same month) could then lock the two counter rows in opposite orders and deadlock.
-- Now the two rows are written in key order, as FigureCounts.add writes its deltas (ADR 0006), so
-- such writers wait for each other instead.

DELIMITER //

CREATE OR REPLACE PROCEDURE core_figure_move(IN figure_name VARCHAR(30),
    IN was_in BOOLEAN, IN old_k CHAR(5), IN old_c VARCHAR(8), IN old_m DATE, IN old_n BIGINT,
    IN is_in BOOLEAN, IN new_k CHAR(5), IN new_c VARCHAR(8), IN new_m DATE, IN new_n BIGINT)
    MODIFIES SQL DATA
BEGIN
    DECLARE new_first BOOLEAN DEFAULT FALSE;
    IF IFNULL(was_in, FALSE) AND IFNULL(is_in, FALSE) AND old_k = new_k AND old_c = new_c AND old_m = new_m THEN
        IF new_n <> old_n THEN
            INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
            VALUES (figure_name, new_k, new_c, new_m, new_n - old_n)
            ON DUPLICATE KEY UPDATE n = n + VALUES(n);
        END IF;
    ELSE
        SET new_first = IFNULL(was_in, FALSE) AND IFNULL(is_in, FALSE) AND (new_k, new_c, new_m) < (old_k, old_c, old_m);
        IF new_first THEN
            INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
            VALUES (figure_name, new_k, new_c, new_m, new_n)
            ON DUPLICATE KEY UPDATE n = n + VALUES(n);
        END IF;
        IF IFNULL(was_in, FALSE) THEN
            INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
            VALUES (figure_name, old_k, old_c, old_m, -old_n)
            ON DUPLICATE KEY UPDATE n = n + VALUES(n);
        END IF;
        IF IFNULL(is_in, FALSE) AND NOT new_first THEN
            INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
            VALUES (figure_name, new_k, new_c, new_m, new_n)
            ON DUPLICATE KEY UPDATE n = n + VALUES(n);
        END IF;
    END IF;
END//

DELIMITER ;
