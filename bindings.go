//go:build bindings

package main

func init() { bindingsOnly = true }
