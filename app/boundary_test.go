package app

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The window's contract is app's own types and domain's values: a bound method that takes or
// returns a type of another backend package makes that package the frontend's contract.
func TestBoundMethodsSpeakAppTypes(t *testing.T) {
	check := contractCheck(t)
	checked := 0
	for _, svc := range Services(&Core{}) {
		st := reflect.TypeOf(svc)
		for i := 0; i < st.NumMethod(); i++ {
			m := st.Method(i)
			where := st.Elem().Name() + "." + m.Name
			for j := 1; j < m.Type.NumIn(); j++ {
				check(where, m.Type.In(j), map[reflect.Type]bool{})
			}
			for j := 0; j < m.Type.NumOut(); j++ {
				check(where, m.Type.Out(j), map[reflect.Type]bool{})
			}
			checked++
		}
	}
	if checked < 50 {
		t.Fatalf("only %d bound methods looked at", checked)
	}
}

// What an event carries is the window's contract as well: each declared event carries app or
// domain types, and the services send events only through the declarations (event.emit).
func TestEventsSpeakAppTypes(t *testing.T) {
	check := contractCheck(t)
	for _, e := range windowEvents {
		check("event "+reflect.TypeOf(e).String(), reflect.TypeOf(e.payload()), map[reflect.Type]bool{})
	}
	files, _ := filepath.Glob("*.go")
	sends := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n := strings.Count(string(b), ".emit.Emit(")
		if n > 0 && f != "events.go" {
			t.Errorf("%s sends %d event(s) past the declarations of events.go", f, n)
		}
		sends += n
	}
	if sends != 1 {
		t.Errorf("events.go sends events in %d places, want the one of event.emit", sends)
	}
}

// contractCheck reports a type of the window's contract that is not app's or domain's: it looks
// into pointers, slices, maps, functions, and the exported fields of app's structs and of
// unnamed structs.
func contractCheck(t *testing.T) func(where string, ty reflect.Type, seen map[reflect.Type]bool) {
	allowed := map[string]bool{"partnerbook/app": true, "partnerbook/backend/domain": true}
	var check func(where string, ty reflect.Type, seen map[reflect.Type]bool)
	check = func(where string, ty reflect.Type, seen map[reflect.Type]bool) {
		if seen[ty] {
			return
		}
		seen[ty] = true
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			check(where, ty.Elem(), seen)
			return
		case reflect.Map:
			check(where, ty.Key(), seen)
			check(where, ty.Elem(), seen)
			return
		case reflect.Func:
			for i := 0; i < ty.NumIn(); i++ {
				check(where, ty.In(i), seen)
			}
			for i := 0; i < ty.NumOut(); i++ {
				check(where, ty.Out(i), seen)
			}
			return
		}
		if pkg := ty.PkgPath(); strings.HasPrefix(pkg, "partnerbook/") && !allowed[pkg] {
			t.Errorf("%s uses %s", where, ty)
		}
		if ty.Kind() == reflect.Struct && (ty.PkgPath() == "partnerbook/app" || ty.Name() == "") {
			for i := 0; i < ty.NumField(); i++ {
				if f := ty.Field(i); f.IsExported() {
					check(where+" ("+ty.Name()+"."+f.Name+")", f.Type, seen)
				}
			}
		}
	}
	return check
}
