"use client";

import { useEffect } from "react";

/** Where typing happens: "/" is a character there, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    target.closest("[role=textbox], [role=combobox]") !== null
  );
}

/**
 * "/" focuses the search box, as on most sites with one: the search page's own box when it is
 * open, the header's otherwise. Not while typing in a field, not with a modifier key (so "?" and
 * browser shortcuts keep their meaning), and not while a dialog is open over the page.
 */
export function SearchShortcut() {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "/" || event.defaultPrevented) return;
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const box = document.getElementById("search-q") ?? document.getElementById("site-search");
      if (!(box instanceof HTMLInputElement)) return;
      event.preventDefault();
      box.focus();
      box.select();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
