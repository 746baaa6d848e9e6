package app

import (
	"reflect"
	"strings"
	"testing"
)

// The window's contract is app's own types and domain's values: a bound method that takes or
// returns a type of another backend package makes that package the frontend's contract.
func TestBoundMethodsSpeakAppTypes(t *testing.T) {
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
		}
		if pkg := ty.PkgPath(); strings.HasPrefix(pkg, "partnerbook/") && !allowed[pkg] {
			t.Errorf("%s uses %s", where, ty)
		}
		if ty.Kind() == reflect.Struct && ty.PkgPath() == "partnerbook/app" {
			for i := 0; i < ty.NumField(); i++ {
				if f := ty.Field(i); f.IsExported() {
					check(where+" ("+ty.Name()+"."+f.Name+")", f.Type, seen)
				}
			}
		}
	}
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
