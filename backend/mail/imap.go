package mail

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-imap"
	"github.com/emersion/go-imap/client"
)

// IMAP is an open, logged-in connection to the IMAP server.
type IMAP struct {
	c     *client.Client
	where string
}

// DialIMAP connects to the IMAP server and logs in.
func DialIMAP(ctx context.Context, s Server) (*IMAP, error) {
	addr := s.Addr(false)
	where := "IMAP server " + addr
	if s.Host == "" {
		return nil, notSet("IMAP server", "imap.host")
	}
	conn, err := dial(ctx, s, addr)
	if err != nil {
		return nil, explain(err, where)
	}
	conn.SetDeadline(time.Now().Add(Timeout))
	c, err := client.New(conn)
	if err != nil {
		conn.Close()
		return nil, explain(err, where)
	}
	c.Timeout = Timeout
	if s.Security == "starttls" {
		if err := c.StartTLS(tlsConfig(s)); err != nil {
			c.Logout()
			return nil, explain(err, where)
		}
	}
	conn.SetDeadline(time.Time{})
	if err := c.Login(s.User, s.Password); err != nil {
		c.Logout()
		if refused(err) {
			return nil, &Error{Kind: KindAuth, Text: "wrong user name or password for the " + where, Server: err.Error()}
		}
		return nil, explain(err, where)
	}
	return &IMAP{c: c, where: where}, nil
}

// Close logs out.
func (m *IMAP) Close() error { return m.c.Logout() }

func (m *IMAP) fail(err error, what string) error {
	if refused(err) {
		return &Error{Kind: KindProtocol, Text: fmt.Sprintf("the %s refused to %s", m.where, what), Server: err.Error()}
	}
	return explain(err, m.where)
}

// refused says whether err is the server's NO or BAD answer rather than a lost connection:
// go-imap gives those as plain errors with the server's text.
func refused(err error) bool {
	me, ok := explain(err, "").(*Error)
	return ok && me.Kind == KindProtocol && !strings.HasPrefix(err.Error(), "imap:")
}

// Folders lists the account's folders, sorted.
func (m *IMAP) Folders() ([]string, error) {
	ch := make(chan *imap.MailboxInfo, 20)
	done := make(chan error, 1)
	go func() { done <- m.c.List("", "*", ch) }()
	var out []string
	for mb := range ch {
		out = append(out, mb.Name)
	}
	if err := <-done; err != nil {
		return nil, m.fail(err, "list the folders")
	}
	sort.Strings(out)
	return out, nil
}

// ensure creates folder when it does not exist.
func (m *IMAP) ensure(folder string) error {
	folders, err := m.Folders()
	if err != nil {
		return err
	}
	for _, f := range folders {
		if f == folder {
			return nil
		}
	}
	if err := m.c.Create(folder); err != nil {
		return m.fail(err, "create the folder "+folder)
	}
	return nil
}

// AppendSeen stores a copy of a sent message in folder, flagged as read (the folder is
// created when missing).
func (m *IMAP) AppendSeen(folder string, date time.Time, raw []byte) error {
	if err := m.ensure(folder); err != nil {
		return err
	}
	if err := m.c.Append(folder, []string{imap.SeenFlag}, date, bytes.NewBuffer(raw)); err != nil {
		return m.fail(err, "store the copy in "+folder)
	}
	return nil
}

// HasMessageID says whether folder holds a message with this Message-ID (a missing folder
// holds none).
func (m *IMAP) HasMessageID(folder, id string) (bool, error) {
	if _, err := m.c.Select(folder, true); err != nil {
		if refused(err) {
			return false, nil // no such folder
		}
		return false, m.fail(err, "open "+folder)
	}
	crit := imap.NewSearchCriteria()
	crit.Header.Add("Message-Id", id)
	uids, err := m.c.UidSearch(crit)
	if err != nil {
		return false, m.fail(err, "search "+folder)
	}
	return len(uids) > 0, nil
}

// Incoming is a message read from a folder.
type Incoming struct {
	UID uint32
	Raw []byte
}

// Unread returns the messages of folder not yet flagged as read, oldest first.
func (m *IMAP) Unread(folder string) ([]Incoming, error) {
	if _, err := m.c.Select(folder, false); err != nil {
		return nil, m.fail(err, "open the folder "+folder)
	}
	crit := imap.NewSearchCriteria()
	crit.WithoutFlags = []string{imap.SeenFlag}
	uids, err := m.c.UidSearch(crit)
	if err != nil {
		return nil, m.fail(err, "search "+folder)
	}
	if len(uids) == 0 {
		return nil, nil
	}
	set := new(imap.SeqSet)
	set.AddNum(uids...)
	section := &imap.BodySectionName{Peek: true}
	ch := make(chan *imap.Message, 10)
	done := make(chan error, 1)
	go func() { done <- m.c.UidFetch(set, []imap.FetchItem{imap.FetchUid, section.FetchItem()}, ch) }()
	var out []Incoming
	for msg := range ch {
		lit := msg.GetBody(section)
		if lit == nil {
			continue
		}
		raw, err := io.ReadAll(lit)
		if err != nil {
			continue
		}
		out = append(out, Incoming{UID: msg.Uid, Raw: raw})
	}
	if err := <-done; err != nil {
		return nil, m.fail(err, "read "+folder)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].UID < out[j].UID })
	return out, nil
}

// MarkRead flags a message of the selected folder (the one Unread opened) as read.
func (m *IMAP) MarkRead(uid uint32) error {
	set := new(imap.SeqSet)
	set.AddNum(uid)
	if err := m.c.UidStore(set, imap.FormatFlagsOp(imap.AddFlags, true), []interface{}{imap.SeenFlag}, nil); err != nil {
		return m.fail(err, "flag a message as read")
	}
	return nil
}
