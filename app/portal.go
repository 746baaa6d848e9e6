package app

import (
	"context"
	"log"
	"net/http"
	"time"

	"partnerbook/backend/domain"
	"partnerbook/backend/mailer"
	"partnerbook/backend/portal"
	"partnerbook/backend/sqlite"
)

// PortalInfo is where partners reach the portal and whether a program has it on.
type PortalInfo struct {
	URL string `json:"url"` // "" while nothing serves it
	On  bool   `json:"on"`  // the program's setting `portal`
}

// PortalRequest is a partner's request to change a payout detail.
type PortalRequest = domain.PortalRequest

// Portal is the shop's side of the partner portal: its address, partners' last sign-ins,
// invitations, and the payout-detail changes partners ask for.
type Portal struct{ c *Core }

// address is where partners reach the portal ("" while nothing serves it).
func (s *Portal) address() (string, error) {
	set, err := s.c.store.Settings(s.c.ctx)
	return mailer.PortalURL(set), err
}

// Address is where partners reach the portal ("" while nothing serves it).
func (s *Portal) Address() (string, error) { return s.address() }

// Info is the portal's address and whether the program has it on.
func (s *Portal) Info(programID int64) (PortalInfo, error) {
	p, err := s.c.store.FindProgram(s.c.ctx, itoa(programID))
	if err != nil {
		return PortalInfo{}, err
	}
	url, err := s.address()
	return PortalInfo{URL: url, On: p.Portal == "on"}, err
}

// LastSignIn is when a partner last signed in to the portal (RFC 3339, "" never).
func (s *Portal) LastSignIn(programID int64, key string) (string, error) {
	p, err := s.c.store.FindPartner(s.c.ctx, programID, key)
	if err != nil {
		return "", err
	}
	return s.c.store.PortalLastSignIn(s.c.ctx, p.ID)
}

// Invite mails a partner the portal's address and sends it.
func (s *Portal) Invite(programID int64, key string) (Queued, error) {
	url, err := s.address()
	if err != nil {
		return Queued{}, err
	}
	m := Mail{s.c}
	return m.thenSend(mailer.PortalInvite(s.c.ctx, s.c.store, programID, key, url, time.Now()))
}

// Requests lists a program's change requests of a status ("" any), newest first.
func (s *Portal) Requests(programID int64, status string) ([]PortalRequest, error) {
	return s.c.store.PortalRequests(s.c.ctx, programID, status)
}

// Decide approves (the partner's detail changes) or rejects a pending request.
func (s *Portal) Decide(programID, id int64, approve bool) (PortalRequest, error) {
	return s.c.store.DecidePortalRequest(s.c.ctx, programID, id, approve)
}

// PortalHandler is the partner portal over a data folder's store, its sign-in codes mailed
// through the outbox; the sync endpoint mounts it at /portal/ (in the app and for `serve`).
// In a desktop's folder it reads the live database; in a headless server's, what the desktop
// published at its last pull, and it sends codes with the server's own mail settings.
func PortalHandler(st *sqlite.Store) http.Handler {
	ctx := domain.WithActor(context.Background(), "portal")
	var data portal.Store = st
	m := &mailer.Portal{Store: st}
	link, err := st.LinkHash(ctx)
	if err != nil {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "the partner portal cannot read its data folder: "+err.Error(), http.StatusServiceUnavailable)
		})
	}
	if link != "" {
		data, m.Server = st.Published(), true
	}
	return portal.New(portal.Config{Store: data, Mailer: m,
		BaseURL: func() string {
			set, err := st.Settings(ctx)
			if err != nil { // the portal then names itself by the address it was asked at
				log.Printf("portal: %v", err)
			}
			return set.Portal.URL
		}})
}
