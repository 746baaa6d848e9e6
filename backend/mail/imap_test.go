package mail

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"partnerbook/backend/mail/mailtest"
)

// startIMAP is go-imap's in-memory server on loopback.
func startIMAP(t *testing.T) Server {
	s := mailtest.StartIMAP(t)
	return Server{Host: s.Host, Port: s.Port, Security: "none", User: "username", Password: "password"}
}

func TestIMAPSentCopyAndSearch(t *testing.T) {
	srv := startIMAP(t)
	m, err := DialIMAP(context.Background(), srv)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if ok, err := m.HasMessageID("Sent", "pb-test-1@shop.example"); ok || err != nil {
		t.Fatalf("a missing Sent folder holds nothing: %v %v", ok, err)
	}
	raw, _ := Build(testDraft())
	if err := m.AppendSeen("Sent", time.Now(), raw); err != nil {
		t.Fatal(err)
	}
	folders, err := m.Folders()
	if err != nil || strings.Join(folders, ",") != "INBOX,Sent" {
		t.Errorf("folders %v %v", folders, err)
	}
	if ok, err := m.HasMessageID("Sent", "pb-test-1@shop.example"); !ok || err != nil {
		t.Errorf("the copy is not found by its Message-ID: %v %v", ok, err)
	}
	if ok, _ := m.HasMessageID("Sent", "pb-test-2@shop.example"); ok {
		t.Error("another Message-ID must not be found")
	}
	// The copy is flagged as read: it is not among the unread messages.
	if unread, err := m.Unread("Sent"); err != nil || len(unread) != 0 {
		t.Errorf("the Sent copy must be flagged seen: %d unread, %v", len(unread), err)
	}
}

func TestIMAPUnreadAndMarkRead(t *testing.T) {
	srv := startIMAP(t)
	m, err := DialIMAP(context.Background(), srv)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	raw, _ := Build(testDraft())
	if err := m.c.Append("INBOX", nil, time.Now(), bytes.NewBuffer(raw)); err != nil {
		t.Fatal(err)
	}
	unread, err := m.Unread("INBOX") // the memory backend's own message is read already
	if err != nil || len(unread) != 1 {
		t.Fatalf("unread: %d %v", len(unread), err)
	}
	if !strings.Contains(string(unread[0].Raw), "Subject:") {
		t.Errorf("the whole message is read: %q", unread[0].Raw)
	}
	if err := m.MarkRead(unread[0].UID); err != nil {
		t.Fatal(err)
	}
	if again, _ := m.Unread("INBOX"); len(again) != 0 {
		t.Errorf("still unread after MarkRead: %d", len(again))
	}
	if _, err := m.Unread("Leads"); err == nil {
		t.Error("a missing leads folder must be an error")
	}
}

func TestIMAPWrongPassword(t *testing.T) {
	srv := startIMAP(t)
	srv.Password = "guess"
	_, err := DialIMAP(context.Background(), srv)
	var me *Error
	if !errors.As(err, &me) || me.Kind != KindAuth || strings.Contains(err.Error(), "guess") {
		t.Errorf("got %v", err)
	}
}
