#!/usr/bin/env bash
# Formats the sources in place, or checks them with --lint (as CI does).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--lint" ]; then
    swift format lint --strict --recursive Sources Tests Package.swift
else
    swift format --in-place --recursive Sources Tests Package.swift
fi
