"""The curriculum tables of the accreditation report (shared/reference/domain.md), by hand.

Tests compare the program's figures with these, never with figures it computed itself.
"""

TITLES = {
    "full-stack": "Microsoft Full Stack Developer Professional Certificate",
    "back-end": "Microsoft Back-End Developer Professional Certificate",
    "front-end": "Microsoft Front-End Developer Professional Certificate",
    "pr-communications": "Microsoft Public Relations and Communications Associate Professional "
    "Certificate",
}

# Each program's courses in the report's order, with their learning hours.
TABLES = {
    "full-stack": [
        ("Foundations of Coding Full-Stack", 39),
        ("Introduction to Programming With C#", 30),
        ("Introduction to Web Development", 39),
        ("Blazor for Front-End Development", 35),
        ("Back-End Development with .NET", 43),
        ("Database Integration and Management", 27),
        ("Full-Stack Integration", 34),
        ("Security and Authentication", 39),
        ("Performance Optimization and Scalability", 47),
        ("Data Structures and Algorithms", 47),
        ("Deployment and DevOps", 37),
        ("Full-Stack Developer Capstone Project", 5),
    ],
    "back-end": [
        ("Foundations of Coding Back-End", 39),
        ("Introduction to Programming With C#", 30),
        ("Back-End Development with .NET", 43),
        ("Database Integration and Management", 27),
        ("Security and Authentication", 39),
        ("Performance Optimization and Scalability", 47),
        ("Data Structures and Algorithms", 47),
        ("Deployment and DevOps", 37),
    ],
    "front-end": [
        ("Foundations of Coding Front-End", 42),
        ("Introduction to Programming With C#", 30),
        ("Introduction to Web Development", 39),
        ("Blazor for Front-End Development", 35),
        ("UI/UX Design Principles", 29),
        ("Web Application Security", 37),
    ],
    "pr-communications": [
        ("Introduction to Public Relations", 26),
        ("Content Development and Management", 32),
        ("Media Relations and Crisis Management", 28),
        ("Marketing, Communication, and PR", 28),
        ("Stakeholder Relations and Reporting", 22),
    ],
}
