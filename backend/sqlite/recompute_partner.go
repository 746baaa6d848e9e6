package sqlite

import (
	"fmt"
	"strings"

	"partnerbook/backend/domain"
)

// recomputePartner recomputes what a new or changed partner can move: the orders credited to
// them or to their children (second tier), the orders whose coupon or referral key names
// them before or after the change, and their leads. A change of address or payment details moves nothing.
func (tx *Tx) recomputePartner(programID int64, before *domain.Partner, after domain.Partner) error {
	names := append([]string{after.Key}, after.Coupons...)
	if before != nil {
		if before.Status == after.Status && before.Email == after.Email && before.Parent == after.Parent &&
			strings.EqualFold(before.Key, after.Key) && strings.EqualFold(strings.Join(before.Coupons, ","), strings.Join(after.Coupons, ",")) {
			return nil
		}
		names = append(names, before.Key)
		names = append(names, before.Coupons...)
	}
	ids, err := tx.int64s(`SELECT id FROM orders WHERE partner_id = ?1 OR partner_id IN (SELECT id FROM partners WHERE parent_id = ?1)`, after.ID)
	if err != nil {
		return err
	}
	more, err := tx.namedOrders(programID, names)
	if err != nil {
		return err
	}
	// Their leads' bounties: rejected while the partner is not active, or a self-referral.
	leads, err := tx.int64s(`SELECT id FROM leads WHERE partner_id = ?`, after.ID)
	if err != nil {
		return err
	}
	return tx.recompute(programID, recomputeScope{orders: append(ids, more...), leads: leads})
}

// namedOrders finds the orders whose referral key or one of whose discount codes is one of names
// (case-insensitive). It reads the program's orders once.
func (tx *Tx) namedOrders(programID int64, names []string) ([]int64, error) {
	want := map[string]bool{}
	for _, n := range names {
		if n = strings.ToLower(strings.TrimSpace(n)); n != "" {
			want[n] = true
		}
	}
	rows, err := tx.QueryContext(tx.ctx, `SELECT id, ref_key, discount_codes FROM orders WHERE program_id = ? AND (ref_key <> '' OR discount_codes <> '')`, programID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: orders of a partner: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		var ref, codes string
		if err := rows.Scan(&id, &ref, &codes); err != nil {
			return nil, err
		}
		hit := want[strings.ToLower(strings.TrimSpace(ref))]
		for _, c := range strings.Split(codes, ",") {
			hit = hit || want[strings.ToLower(strings.TrimSpace(c))]
		}
		if hit {
			out = append(out, id)
		}
	}
	return out, rows.Err()
}
