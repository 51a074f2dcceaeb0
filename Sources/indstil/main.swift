import IndstilCore
print("placeholder")
