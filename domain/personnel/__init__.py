"""Personnel (인사): organisation charts, employees and their personnel actions (발령)."""
